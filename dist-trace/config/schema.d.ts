import { z } from 'zod';
export declare const CleaningSchema: z.ZodObject<{
    defaultTimezone: z.ZodDefault<z.ZodString>;
    retryWindowSec: z.ZodDefault<z.ZodNumber>;
    stitchGapMin: z.ZodDefault<z.ZodNumber>;
    maxFutureDays: z.ZodDefault<z.ZodNumber>;
    earliest: z.ZodDefault<z.ZodString>;
    maxDurationHours: z.ZodDefault<z.ZodNumber>;
    synonyms: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodString>>;
    catalogue: z.ZodDefault<z.ZodNullable<z.ZodArray<z.ZodString>>>;
}, z.core.$strict>;
export declare const MetricsSchema: z.ZodObject<{
    accuracyTarget: z.ZodDefault<z.ZodNumber>;
    coverageThreshold: z.ZodDefault<z.ZodNumber>;
    gapMinMedian: z.ZodDefault<z.ZodNumber>;
    powerUserPercentile: z.ZodDefault<z.ZodNumber>;
    groupBy: z.ZodDefault<z.ZodArray<z.ZodString>>;
}, z.core.$strict>;
export declare const SeveritySchema: z.ZodEnum<{
    low: "low";
    medium: "medium";
    high: "high";
    critical: "critical";
}>;
export declare const AlertRuleSchema: z.ZodObject<{
    rule: z.ZodString;
    threshold: z.ZodOptional<z.ZodNumber>;
    severity: z.ZodDefault<z.ZodEnum<{
        low: "low";
        medium: "medium";
        high: "high";
        critical: "critical";
    }>>;
    enabled: z.ZodDefault<z.ZodBoolean>;
}, z.core.$strict>;
export declare const AlertsSchema: z.ZodObject<{
    rules: z.ZodDefault<z.ZodArray<z.ZodObject<{
        rule: z.ZodString;
        threshold: z.ZodOptional<z.ZodNumber>;
        severity: z.ZodDefault<z.ZodEnum<{
            low: "low";
            medium: "medium";
            high: "high";
            critical: "critical";
        }>>;
        enabled: z.ZodDefault<z.ZodBoolean>;
    }, z.core.$strict>>>;
    idleSeatShare: z.ZodDefault<z.ZodNumber>;
    routes: z.ZodDefault<z.ZodRecord<z.ZodEnum<{
        low: "low";
        medium: "medium";
        high: "high";
        critical: "critical";
    }> & z.core.$partial, z.ZodArray<z.ZodEnum<{
        slack: "slack";
        email: "email";
    }>>>>;
    escalateAfterWeeks: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>;
/** Usage tiers and idle seats (the people KPIs). */
export declare const PeopleSchema: z.ZodObject<{
    tiers: z.ZodDefault<z.ZodObject<{
        light: z.ZodDefault<z.ZodNumber>;
        moderate: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    idleWeeks: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>;
export declare const LicencesSchema: z.ZodObject<{
    monthlyCost: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
}, z.core.$strict>;
export declare const PrivacySchema: z.ZodObject<{
    minGroupSize: z.ZodDefault<z.ZodNumber>;
    pseudonymize: z.ZodDefault<z.ZodBoolean>;
    pseudonymSalt: z.ZodDefault<z.ZodString>;
}, z.core.$strict>;
/** How often and how patiently a delivery is retried (exponential backoff with jitter). */
export declare const RetrySchema: z.ZodObject<{
    attempts: z.ZodDefault<z.ZodNumber>;
    baseDelayMs: z.ZodDefault<z.ZodNumber>;
    maxDelayMs: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>;
export declare const EmailSchema: z.ZodObject<{
    enabled: z.ZodDefault<z.ZodBoolean>;
    host: z.ZodDefault<z.ZodString>;
    port: z.ZodDefault<z.ZodNumber>;
    secure: z.ZodDefault<z.ZodBoolean>;
    requireTLS: z.ZodOptional<z.ZodBoolean>;
    rejectUnauthorized: z.ZodDefault<z.ZodBoolean>;
    user: z.ZodOptional<z.ZodString>;
    passwordEnv: z.ZodDefault<z.ZodString>;
    from: z.ZodDefault<z.ZodString>;
    to: z.ZodDefault<z.ZodArray<z.ZodString>>;
    subject: z.ZodDefault<z.ZodString>;
    retry: z.ZodDefault<z.ZodObject<{
        attempts: z.ZodDefault<z.ZodNumber>;
        baseDelayMs: z.ZodDefault<z.ZodNumber>;
        maxDelayMs: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export declare const SlackSchema: z.ZodObject<{
    enabled: z.ZodDefault<z.ZodBoolean>;
    webhookUrl: z.ZodOptional<z.ZodString>;
    webhookUrlEnv: z.ZodDefault<z.ZodString>;
    reportUrl: z.ZodOptional<z.ZodString>;
    retry: z.ZodDefault<z.ZodObject<{
        attempts: z.ZodDefault<z.ZodNumber>;
        baseDelayMs: z.ZodDefault<z.ZodNumber>;
        maxDelayMs: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export declare const WarehouseSchema: z.ZodObject<{
    duckdbPath: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    postgresUrl: z.ZodOptional<z.ZodString>;
    postgresUrlEnv: z.ZodDefault<z.ZodString>;
    schema: z.ZodDefault<z.ZodString>;
}, z.core.$strict>;
export declare const ScheduleSchema: z.ZodObject<{
    cron: z.ZodDefault<z.ZodString>;
    timezone: z.ZodDefault<z.ZodString>;
    deadManDays: z.ZodDefault<z.ZodNumber>;
    catchUp: z.ZodDefault<z.ZodBoolean>;
}, z.core.$strict>;
export declare const WatchSchema: z.ZodObject<{
    debounceMs: z.ZodDefault<z.ZodNumber>;
    stableMs: z.ZodDefault<z.ZodNumber>;
    ledgerPath: z.ZodDefault<z.ZodNullable<z.ZodString>>;
}, z.core.$strict>;
/** How much text one input file may hold, and one record, before reading it stops (checked while reading). */
export declare const InputLimitsSchema: z.ZodObject<{
    maxFileBytes: z.ZodDefault<z.ZodNumber>;
    maxRecordBytes: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>;
export declare const ConfigSchema: z.ZodObject<{
    title: z.ZodDefault<z.ZodString>;
    timezone: z.ZodDefault<z.ZodString>;
    input: z.ZodDefault<z.ZodString>;
    inputLimits: z.ZodDefault<z.ZodObject<{
        maxFileBytes: z.ZodDefault<z.ZodNumber>;
        maxRecordBytes: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    output: z.ZodDefault<z.ZodString>;
    store: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    cleaning: z.ZodDefault<z.ZodObject<{
        defaultTimezone: z.ZodDefault<z.ZodString>;
        retryWindowSec: z.ZodDefault<z.ZodNumber>;
        stitchGapMin: z.ZodDefault<z.ZodNumber>;
        maxFutureDays: z.ZodDefault<z.ZodNumber>;
        earliest: z.ZodDefault<z.ZodString>;
        maxDurationHours: z.ZodDefault<z.ZodNumber>;
        synonyms: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodString>>;
        catalogue: z.ZodDefault<z.ZodNullable<z.ZodArray<z.ZodString>>>;
    }, z.core.$strict>>;
    metrics: z.ZodDefault<z.ZodObject<{
        accuracyTarget: z.ZodDefault<z.ZodNumber>;
        coverageThreshold: z.ZodDefault<z.ZodNumber>;
        gapMinMedian: z.ZodDefault<z.ZodNumber>;
        powerUserPercentile: z.ZodDefault<z.ZodNumber>;
        groupBy: z.ZodDefault<z.ZodArray<z.ZodString>>;
    }, z.core.$strict>>;
    alerts: z.ZodDefault<z.ZodObject<{
        rules: z.ZodDefault<z.ZodArray<z.ZodObject<{
            rule: z.ZodString;
            threshold: z.ZodOptional<z.ZodNumber>;
            severity: z.ZodDefault<z.ZodEnum<{
                low: "low";
                medium: "medium";
                high: "high";
                critical: "critical";
            }>>;
            enabled: z.ZodDefault<z.ZodBoolean>;
        }, z.core.$strict>>>;
        idleSeatShare: z.ZodDefault<z.ZodNumber>;
        routes: z.ZodDefault<z.ZodRecord<z.ZodEnum<{
            low: "low";
            medium: "medium";
            high: "high";
            critical: "critical";
        }> & z.core.$partial, z.ZodArray<z.ZodEnum<{
            slack: "slack";
            email: "email";
        }>>>>;
        escalateAfterWeeks: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    privacy: z.ZodDefault<z.ZodObject<{
        minGroupSize: z.ZodDefault<z.ZodNumber>;
        pseudonymize: z.ZodDefault<z.ZodBoolean>;
        pseudonymSalt: z.ZodDefault<z.ZodString>;
    }, z.core.$strict>>;
    people: z.ZodDefault<z.ZodObject<{
        tiers: z.ZodDefault<z.ZodObject<{
            light: z.ZodDefault<z.ZodNumber>;
            moderate: z.ZodDefault<z.ZodNumber>;
        }, z.core.$strict>>;
        idleWeeks: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    licences: z.ZodDefault<z.ZodObject<{
        monthlyCost: z.ZodDefault<z.ZodNullable<z.ZodNumber>>;
    }, z.core.$strict>>;
    email: z.ZodDefault<z.ZodObject<{
        enabled: z.ZodDefault<z.ZodBoolean>;
        host: z.ZodDefault<z.ZodString>;
        port: z.ZodDefault<z.ZodNumber>;
        secure: z.ZodDefault<z.ZodBoolean>;
        requireTLS: z.ZodOptional<z.ZodBoolean>;
        rejectUnauthorized: z.ZodDefault<z.ZodBoolean>;
        user: z.ZodOptional<z.ZodString>;
        passwordEnv: z.ZodDefault<z.ZodString>;
        from: z.ZodDefault<z.ZodString>;
        to: z.ZodDefault<z.ZodArray<z.ZodString>>;
        subject: z.ZodDefault<z.ZodString>;
        retry: z.ZodDefault<z.ZodObject<{
            attempts: z.ZodDefault<z.ZodNumber>;
            baseDelayMs: z.ZodDefault<z.ZodNumber>;
            maxDelayMs: z.ZodDefault<z.ZodNumber>;
        }, z.core.$strict>>;
    }, z.core.$strict>>;
    slack: z.ZodDefault<z.ZodObject<{
        enabled: z.ZodDefault<z.ZodBoolean>;
        webhookUrl: z.ZodOptional<z.ZodString>;
        webhookUrlEnv: z.ZodDefault<z.ZodString>;
        reportUrl: z.ZodOptional<z.ZodString>;
        retry: z.ZodDefault<z.ZodObject<{
            attempts: z.ZodDefault<z.ZodNumber>;
            baseDelayMs: z.ZodDefault<z.ZodNumber>;
            maxDelayMs: z.ZodDefault<z.ZodNumber>;
        }, z.core.$strict>>;
    }, z.core.$strict>>;
    warehouse: z.ZodDefault<z.ZodObject<{
        duckdbPath: z.ZodOptional<z.ZodNullable<z.ZodString>>;
        postgresUrl: z.ZodOptional<z.ZodString>;
        postgresUrlEnv: z.ZodDefault<z.ZodString>;
        schema: z.ZodDefault<z.ZodString>;
    }, z.core.$strict>>;
    schedule: z.ZodDefault<z.ZodObject<{
        cron: z.ZodDefault<z.ZodString>;
        timezone: z.ZodDefault<z.ZodString>;
        deadManDays: z.ZodDefault<z.ZodNumber>;
        catchUp: z.ZodDefault<z.ZodBoolean>;
    }, z.core.$strict>>;
    watch: z.ZodDefault<z.ZodObject<{
        debounceMs: z.ZodDefault<z.ZodNumber>;
        stableMs: z.ZodDefault<z.ZodNumber>;
        ledgerPath: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    }, z.core.$strict>>;
}, z.core.$strict>;
/** What a user writes in uptake.config.json. */
export type ConfigSpec = z.input<typeof ConfigSchema>;
/** The strict, defaulted configuration everything past config/ uses. */
export type Config = z.output<typeof ConfigSchema>;
export type CleaningConfig = Config['cleaning'];
export type InputLimits = Config['inputLimits'];
export type MetricsConfig = Config['metrics'];
export type Severity = z.output<typeof SeveritySchema>;
export type EmailConfig = Config['email'];
export type SlackConfig = Config['slack'];
export type WarehouseConfig = Config['warehouse'];
export type AlertsConfig = Config['alerts'];
export type RetryConfig = z.output<typeof RetrySchema>;

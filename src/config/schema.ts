import { isIP } from 'node:net';
import { Cron } from 'croner';
import { z } from 'zod';
import { SETTLED_MS } from '../util/hash-file.js';
import { MAX_TIMER_MS } from '../util/max-timer.js';

// Every threshold of CONTRACT.md is here with its default; nothing past config/ sees raw input.

/** A wait in whole milliseconds that a timer can hold. */
const waitMs = () => z.number().int().nonnegative().max(MAX_TIMER_MS, { message: `expected at most ${MAX_TIMER_MS} ms (about 24.8 days), the longest wait a timer holds` });

// `"output": ""` (a template's placeholder left empty) meant the current folder, `"input": ""` the bundled
// sample: a path, a URL or a variable's name that is empty or blank is refused, naming its key (exit 4).
/** A path, URL or environment variable name: text with more than white space. */
const named = (what: string) => z.string().refine((value) => value.trim() !== '', `expected ${what}, not an empty value`);

/** How long `uptake watch` waits for a file that stopped changing but is not whole before reading it as it is: 10 min. */
export const INCOMPLETE_MAX_WAIT_MS = 600_000;

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'expected an IANA time-zone name such as Europe/Berlin');

/** The earliest `cleaning.earliest`: every plausible start then has a four-digit year, as week labels need. */
const EARLIEST_EARLIEST = '1900-01-01';
/** The longest idle window, in weeks. */
const MAX_IDLE_WEEKS = 520;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  // (zod runs a refinement after a failed regex too: "2000-13-01" and "2000-1-1" are no time at all, never a throw)
  .refine((date) => {
    const time = Date.parse(`${date}T00:00:00Z`);
    return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === date;
  }, 'expected a calendar date as YYYY-MM-DD');

export const CleaningSchema = z
  .object({
    /** Zone for naive timestamps when neither the row nor the roster names one. */
    defaultTimezone: timeZone.default('UTC'),
    /** Retry duplicates: rows of one attempt start at most this many seconds apart. */
    retryWindowSec: z.number().nonnegative().default(30),
    /** Session stitching: largest gap between one row's end and the next row's start. */
    stitchGapMin: z.number().nonnegative().default(10),
    /** A start more than this many days after the run's clock is implausible (quarantined). */
    maxFutureDays: z.number().nonnegative().default(1),
    /**
     * A start before this UTC date (`YYYY-MM-DD`) is implausible (quarantined). From 1900 on: a week of a year
     * before 1000 has no `YYYY-Www` label (a task there stopped every command with exit 1).
     */
    earliest: isoDate.refine((date) => date >= EARLIEST_EARLIEST, `expected a date from ${EARLIEST_EARLIEST} on`).default('2000-01-01'),
    /** Durations above this many hours count as unknown for time metrics. */
    maxDurationHours: z.number().positive().default(8),
    /** Raw label (after canonical spelling) -> canonical label. */
    synonyms: z.record(z.string(), z.string()).default({}),
    /** When set, labels resolve to this list and everything else becomes `other`. */
    catalogue: z.array(z.string()).nullable().default(null),
  })
  .strict();

export const MetricsSchema = z
  .object({
    /** ASI: accuracy at or above this counts as on target. */
    accuracyTarget: z.number().min(0).max(1).default(0.9),
    /** Logging coverage below this flags a user as a blind spot. */
    coverageThreshold: z.number().min(0).max(1).default(0.8),
    /** A gap needs a median daily count (same weekday) of at least this. */
    gapMinMedian: z.number().nonnegative().default(5),
    /** Users above this percentile of weekly AI-task volume are power users. */
    powerUserPercentile: z.number().min(0).max(1).default(0.99),
    /** Extra grouping keys for adoption (columns of the cleaned tasks). */
    groupBy: z.array(z.string()).default(['team', 'task_type']),
  })
  .strict();

export const SeveritySchema = z.enum(['low', 'medium', 'high', 'critical']);

/** Every alert rule with its default entry (its threshold's meaning is per rule: see metrics/alerts.ts and the README). */
const DEFAULT_ALERT_RULES = [
  { rule: 'adoption_drop', threshold: -10, severity: 'high', enabled: true },
  { rule: 'task_type_drop', threshold: -10, severity: 'medium', enabled: true },
  { rule: 'asi_below_target', threshold: 0.8, severity: 'high', enabled: true },
  { rule: 'asi_falling', threshold: -0.1, severity: 'medium', enabled: true },
  { rule: 'harm_rate', threshold: 0.01, severity: 'critical', enabled: true },
  { rule: 'data_gap', severity: 'medium', enabled: true },
  { rule: 'blind_spot', severity: 'low', enabled: true },
  { rule: 'idle_seats', severity: 'medium', enabled: true },
] as const;

/** Each rule's threshold: its range and what it is. */
const THRESHOLD_RANGES: Record<(typeof DEFAULT_ALERT_RULES)[number]['rule'], [number, number, string]> = {
  adoption_drop: [-100, 0, 'a change in points, a fall (0 or below)'],
  task_type_drop: [-100, 0, 'a change in points, a fall (0 or below)'],
  asi_below_target: [0, 1, 'an ASI (a fraction)'],
  asi_falling: [-1, 0, 'a change of ASI, a fall (0 or below)'],
  harm_rate: [0, 1, 'a harm rate (a fraction)'],
  data_gap: [-Infinity, Infinity, 'a number'],
  blind_spot: [-Infinity, Infinity, 'a number'],
  idle_seats: [0, 1, 'a share of idle seats (a fraction)'],
};

/** The alert rules' names. */
export const ALERT_RULE_NAMES = DEFAULT_ALERT_RULES.map((entry) => entry.rule);
export type AlertRuleName = (typeof ALERT_RULE_NAMES)[number];

export const AlertRuleSchema = z
  .object({
    rule: z.enum(ALERT_RULE_NAMES),
    /** Threshold the rule compares against (its meaning is per rule, see README); the rule's default when left out. */
    threshold: z.number().optional(),
    /** The rule's default when left out. */
    severity: SeveritySchema.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const AlertsSchema = z
  .object({
    /**
     * Entries that change rules: every rule runs with its default entry unless an entry names it (a key left out
     * keeps the rule's default); `enabled: false` turns one off. A rule named twice is an error.
     */
    rules: z
      .array(AlertRuleSchema)
      .default([])
      .superRefine((entries, context) => {
        entries.forEach((entry, index) => {
          // (a threshold of the wrong sign alerted "adoption fell 8.2 points (64.5 % -> 72.8 %)")
          const [low, high, what] = THRESHOLD_RANGES[entry.rule];
          if (entry.threshold !== undefined && !(entry.threshold >= low && entry.threshold <= high)) {
            context.addIssue({ code: 'custom', path: [index, 'threshold'], message: `expected ${what}, from ${low} to ${high}` });
          }
          const first = entries.findIndex((other) => other.rule === entry.rule);
          if (first < index) context.addIssue({ code: 'custom', path: [index, 'rule'], message: `expected each rule once, and \`alerts.rules.${first}\` names it already` });
        });
      })
      .transform((entries) =>
        DEFAULT_ALERT_RULES.map((fallback) => {
          const given = entries.find((entry) => entry.rule === fallback.rule);
          const threshold = given?.threshold ?? ('threshold' in fallback ? fallback.threshold : undefined);
          return { rule: fallback.rule, ...(threshold === undefined ? {} : { threshold }), severity: given?.severity ?? fallback.severity, enabled: given?.enabled ?? fallback.enabled };
        }),
      ),
    /** idle_seats alerts a team whose share of idle licensed seats is at least this (the rule's threshold overrides it). */
    idleSeatShare: z.number().min(0).max(1).default(0.3),
    /** Which channels each severity goes to; a severity not listed goes to every configured channel. */
    routes: z.partialRecord(SeveritySchema, z.array(z.enum(['slack', 'email']))).default({}),
    /** A condition still present after this many weeks escalates one severity. */
    escalateAfterWeeks: z.number().int().positive().default(2),
  })
  .strict();

/** Usage tiers and idle seats (the people KPIs). */
export const PeopleSchema = z
  .object({
    /** Upper bounds of the usage tiers by AI tasks per person and week: light is 1..light, moderate light+1..moderate, heavy above. */
    tiers: z
      .object({ light: z.number().int().positive().default(5), moderate: z.number().int().positive().default(20) })
      .strict()
      .refine((tiers) => tiers.moderate > tiers.light, 'expected `moderate` above `light`')
      .default({ light: 5, moderate: 20 }),
    /**
     * A licensed seat is idle after this many weeks without an AI task (the report week included). At most ten
     * years: a window of a billion weeks began before the year 1 (its week had no label: exit 1).
     */
    idleWeeks: z.number().int().positive().max(MAX_IDLE_WEEKS, `expected at most ${MAX_IDLE_WEEKS} weeks (ten years)`).default(4),
  })
  .strict();

export const LicencesSchema = z
  .object({
    /** Cost of one seat per month; idle seats get a cost estimate when it is set (no currency assumed). */
    monthlyCost: z.number().nonnegative().nullable().default(null),
  })
  .strict();

export const PrivacySchema = z
  .object({
    /** Groups with fewer distinct users are suppressed in grouped tables. */
    minGroupSize: z.number().int().nonnegative().default(5),
    /** Replace user ids in outputs by a keyed hash. */
    pseudonymize: z.boolean().default(false),
    /** Key of that hash; set it per organisation. */
    pseudonymSalt: z.string().default('uptake'),
  })
  .strict();

/** How often and how patiently a delivery is retried (exponential backoff with jitter). */
export const RetrySchema = z
  .object({
    /** Total tries, the first included. */
    attempts: z.number().int().positive().default(4),
    baseDelayMs: waitMs().default(1000),
    maxDelayMs: waitMs().default(30000),
  })
  .strict();

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const hostName = z.string().refine((host) => HOST_NAME.test(host) || isIP(host.replace(/^\[|\]$/g, '')) !== 0, 'expected a host name or an IP address');

// `a@b.c` or `Name <a@b.c>`, one address, nothing that could start another header line.
const MAIL_ADDRESS = /^(?:[^<>\u0000-\u001f,;]*<[^\s<>@,;]+@[^\s<>@,;]+>|[^\s<>@,;]+@[^\s<>@,;]+)$/;
const mailAddress = z.string().regex(MAIL_ADDRESS, 'expected one email address such as reports@example.com or "Reports <reports@example.com>"');

// `0 0 30 2 *` (February 30th) is a valid expression that never fires: a scheduler on it waited for good, looking healthy.
const cronExpression = z.string().superRefine((pattern, context) => {
  let cron: Cron;
  try {
    cron = new Cron(pattern, { paused: true });
  } catch (cause) {
    context.addIssue({ code: 'custom', message: `expected a cron expression such as "0 6 * * 1" (minute hour day-of-month month day-of-week): ${(cause as Error).message}` });
    return;
  }
  if (cron.nextRun() === null) context.addIssue({ code: 'custom', message: 'expected a cron expression that fires on some date to come (not, say, February 30th)' });
});

const SUBJECT_PLACEHOLDERS = new Set(['week', 'title', 'alert']);

export const EmailSchema = z
  .object({
    enabled: z.boolean().default(false),
    host: hostName.default('127.0.0.1'),
    port: z.number().int().min(1).max(65535).default(25),
    secure: z.boolean().default(false),
    /** Refuse to log in without TLS (STARTTLS) when the server offers none; default: on when `user` is set and the host is not loopback. */
    requireTLS: z.boolean().optional(),
    /** Check the server's TLS certificate; false only for an internal relay with a self-signed one. */
    rejectUnauthorized: z.boolean().default(true),
    user: z.string().optional(),
    /** Name of the environment variable holding the SMTP password (never the password). */
    passwordEnv: named('the name of an environment variable').default('UPTAKE_SMTP_PASSWORD'),
    from: mailAddress.default('uptake@localhost'),
    to: z.array(mailAddress).default([]),
    /** Subject template; `{{week}}`, `{{title}}` and `{{alert}}` (the most severe alert) are replaced. */
    subject: z
      .string()
      .refine(
        (template) => [...template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].every((match) => SUBJECT_PLACEHOLDERS.has(match[1])),
        'expected only the placeholders {{week}}, {{title}} and {{alert}} in the subject',
      )
      .default('AI adoption report {{week}}: {{alert}}'),
    retry: RetrySchema.default(RetrySchema.parse({})),
  })
  .strict();

export const SlackSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Name of the environment variable holding the incoming-webhook URL, or the URL itself. */
    webhookUrl: named('a webhook URL or the name of an environment variable').optional(),
    webhookUrlEnv: named('the name of an environment variable').default('UPTAKE_SLACK_WEBHOOK'),
    /** Link to the published report shown in the message; `{{week}}` is replaced. */
    reportUrl: z
      .string()
      .refine((template) => {
        try {
          return ['http:', 'https:'].includes(new URL(template.replace(/\{\{\s*week\s*\}\}/g, '2026-W47')).protocol);
        } catch {
          return false;
        }
      }, 'expected an http(s) URL (with {{week}} where the week goes)')
      .optional(),
    retry: RetrySchema.default(RetrySchema.parse({})),
  })
  .strict();

export const WarehouseSchema = z
  .object({
    /** DuckDB file, the embedded default: unset means `<output root>/uptake.duckdb` (it moves with --out); null turns it off. */
    duckdbPath: named('a file path (null turns the DuckDB warehouse off)').nullable().optional(),
    /** PostgreSQL connection URL, or the name of an env var holding it. */
    postgresUrl: named('a postgres:// URL or the name of an environment variable').optional(),
    postgresUrlEnv: named('the name of an environment variable').default('UPTAKE_POSTGRES_URL'),
    schema: named('a schema name').default('uptake'),
  })
  .strict();

export const ScheduleSchema = z
  .object({
    cron: cronExpression.default('0 6 * * 1'),
    timezone: timeZone.default('UTC'),
    /** Notify when no report was produced for this many days. */
    deadManDays: z.number().int().positive().default(8),
    /** On start, run once when the last occurrence before now was missed (machine off). */
    catchUp: z.boolean().default(true),
  })
  .strict();

export const WatchSchema = z
  .object({
    /** Files landing within this many ms of each other make one run. */
    debounceMs: waitMs().default(2000),
    /** A file counts as written once its size has not changed for this many ms. */
    stableMs: waitMs().positive().default(1000),
    /**
     * A file that stopped changing but is not whole (its last record cut short, a gzip stream without its trailer)
     * is waited for this many ms after it last changed, then read as it is (the run quarantines or refuses it): 10 min.
     */
    incompleteMaxWaitMs: waitMs().default(INCOMPLETE_MAX_WAIT_MS),
    /** Ledger of processed content hashes; null means `<output>/.uptake/watch-ledger.json`. */
    ledgerPath: named('a file path (null: <output>/.uptake/watch-ledger.json)').nullable().default(null),
  })
  .strict();

// A weekly export of a million rows is a few hundred MB of text; a prompt of a million-token context is
// about 4 MB. The caps are far above both and far below what one reading thread can hold.
/** How much text one input file may hold, and one record, before reading it stops (checked while reading). */
export const InputLimitsSchema = z
  .object({
    /** Bytes of text per file, after gunzip: 4 GiB. */
    maxFileBytes: z.number().int().positive().default(4 * 1024 ** 3),
    /** Bytes of one record (its quoted line breaks included, its line ending not): 8 MiB. */
    maxRecordBytes: z.number().int().positive().default(8 * 1024 ** 2),
  })
  .strict();

// `uptake run` reads what is in the folder when it starts: a file still being copied there would make a report
// of half of it. Same quiet period as a file's stamp (util/hash-file.ts: a file changed just now has none).
/** How long an input file must have been unchanged before it is read, and how long to wait for that. */
export const InputSettleSchema = z
  .object({
    /** A file is read once its size and mtime have not changed for this many ms: 2 s. 0 reads files as they are. */
    quietMs: waitMs().default(SETTLED_MS),
    /** A file still changing (or a plain file still cut short: its last record not whole) after this many ms of waiting stops the command (exit 3): 60 s. */
    maxWaitMs: waitMs().default(60_000),
  })
  .strict();

export const ConfigSchema = z
  .object({
    /** The report's title: its first page, the running header and footer of every page, the mail's subject (at most 80 characters: a longer one pushed page 1's alerts to page 2 and wrapped the running header). */
    title: z.string().trim().min(1, 'expected a title').max(80, 'expected at most 80 characters (the title heads every page of the PDF)').default('AI adoption report'),
    /** Periods (weeks, months) are cut in this zone. */
    timezone: timeZone.default('UTC'),
    input: named('a folder path').default('data/sample'),
    inputLimits: InputLimitsSchema.default(InputLimitsSchema.parse({})),
    inputSettle: InputSettleSchema.default(InputSettleSchema.parse({})),
    output: named('a folder path').default('output'),
    /**
     * A folder of the user's own holding the report page's `report.html.hbs` and `report.css` (copies of uptake's
     * `templates/` ones, edited), relative to the config file's folder; null: uptake's own, which an upgrade replaces.
     */
    reportTemplates: named('a folder path (null: uptake\'s own templates)').nullable().default(null),
    /**
     * Store of cleaned data `uptake run` keeps: a DuckDB file path, a postgres:// URL, or the name of an
     * environment variable holding one (for a URL with a password); null: none. Unset: `<output>/.uptake/store.duckdb`.
     */
    store: named('a file path, a postgres:// URL or the name of an environment variable (null: no store)').nullable().optional(),
    cleaning: CleaningSchema.default(CleaningSchema.parse({})),
    metrics: MetricsSchema.default(MetricsSchema.parse({})),
    alerts: AlertsSchema.default(AlertsSchema.parse({})),
    privacy: PrivacySchema.default(PrivacySchema.parse({})),
    people: PeopleSchema.default(PeopleSchema.parse({})),
    licences: LicencesSchema.default(LicencesSchema.parse({})),
    email: EmailSchema.default(EmailSchema.parse({})),
    slack: SlackSchema.default(SlackSchema.parse({})),
    warehouse: WarehouseSchema.default(WarehouseSchema.parse({})),
    schedule: ScheduleSchema.default(ScheduleSchema.parse({})),
    watch: WatchSchema.default(WatchSchema.parse({})),
  })
  .strict();

/** What a user writes in uptake.config.json. */
export type ConfigSpec = z.input<typeof ConfigSchema>;
/** The strict, defaulted configuration everything past config/ uses. */
export type Config = z.output<typeof ConfigSchema>;
export type CleaningConfig = Config['cleaning'];
export type InputLimits = Config['inputLimits'];
export type InputSettle = Config['inputSettle'];
export type MetricsConfig = Config['metrics'];
export type Severity = z.output<typeof SeveritySchema>;
export type EmailConfig = Config['email'];
export type SlackConfig = Config['slack'];
export type WarehouseConfig = Config['warehouse'];
export type AlertsConfig = Config['alerts'];
export type RetryConfig = z.output<typeof RetrySchema>;

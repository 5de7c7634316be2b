import type { Config, EmailConfig, RetryConfig } from '../config/schema.js';
/** Where notifications go; a channel that is null is off. */
export interface DeliveryChannels {
    slack: {
        webhookUrl: string;
        retry: RetryConfig;
        reportUrl?: string;
    } | null;
    email: EmailConfig | null;
}
/**
 * The enabled channels of a config with their secrets looked up in the environment: the Slack
 * webhook from `slack.webhookUrl` (a URL, or the name of an env var) or the env var `slack.webhookUrlEnv`,
 * checked to be a well-formed URL; email's recipients and SMTP password checked. Call it before any work.
 * @example resolveChannels(config, process.env).slack?.webhookUrl
 */
export declare function resolveChannels(config: Pick<Config, 'slack' | 'email'>, env?: Record<string, string | undefined>): DeliveryChannels;

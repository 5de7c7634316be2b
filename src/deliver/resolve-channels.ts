import type { Config, EmailConfig, RetryConfig } from '../config/schema.js';
import { UptakeError } from '../errors.js';

/** Where notifications go; a channel that is null is off. */
export interface DeliveryChannels {
  slack: { webhookUrl: string; retry: RetryConfig; reportUrl?: string } | null;
  email: EmailConfig | null;
}

const HTTP_URL = /^https?:\/\//;

/**
 * The enabled channels of a config with their secrets looked up in the environment: the Slack
 * webhook from `slack.webhookUrl` (a URL, or the name of an env var) or the env var `slack.webhookUrlEnv`.
 * @example resolveChannels(config, process.env).slack?.webhookUrl
 */
export function resolveChannels(config: Pick<Config, 'slack' | 'email'>, env: Record<string, string | undefined> = process.env): DeliveryChannels {
  let slack: DeliveryChannels['slack'] = null;
  if (config.slack.enabled) {
    const configured = config.slack.webhookUrl;
    const webhookUrl = configured === undefined ? env[config.slack.webhookUrlEnv] : HTTP_URL.test(configured) ? configured : env[configured];
    const source = configured === undefined ? `the environment variable ${config.slack.webhookUrlEnv}` : HTTP_URL.test(configured) ? 'slack.webhookUrl' : `the environment variable ${configured}`;
    if (!webhookUrl || !HTTP_URL.test(webhookUrl)) {
      throw new UptakeError('config', `slack.enabled is true, so expected a webhook URL (https://…) in ${source}, got ${webhookUrl ? 'something else' : 'nothing'}`);
    }
    slack = { webhookUrl, retry: config.slack.retry, reportUrl: config.slack.reportUrl };
  }
  return { slack, email: config.email.enabled ? config.email : null };
}

import { UptakeError } from '../errors.js';
import { smtpAuth } from './email.js';
const HTTP_URL = /^https?:\/\//;
/**
 * The enabled channels of a config with their secrets looked up in the environment: the Slack
 * webhook from `slack.webhookUrl` (a URL, or the name of an env var) or the env var `slack.webhookUrlEnv`,
 * checked to be a well-formed URL; email's recipients and SMTP password checked. Call it before any work.
 * @example resolveChannels(config, process.env).slack?.webhookUrl
 */
export function resolveChannels(config, env = process.env) {
    let slack = null;
    if (config.slack.enabled) {
        const configured = config.slack.webhookUrl;
        const webhookUrl = configured === undefined ? env[config.slack.webhookUrlEnv] : HTTP_URL.test(configured) ? configured : env[configured];
        const source = configured === undefined ? `the environment variable ${config.slack.webhookUrlEnv}` : HTTP_URL.test(configured) ? 'slack.webhookUrl' : `the environment variable ${configured}`;
        if (!webhookUrl || !HTTP_URL.test(webhookUrl)) {
            throw new UptakeError('config', `slack.enabled is true, so expected a webhook URL (https://…) in ${source}, got ${webhookUrl ? 'something else' : 'nothing'}`);
        }
        const problem = webhookUrlProblem(webhookUrl);
        if (problem)
            throw new UptakeError('config', `slack.enabled is true, so expected a webhook URL (https://…) in ${source}, got one that ${problem}`);
        slack = { webhookUrl, retry: config.slack.retry, reportUrl: config.slack.reportUrl };
    }
    if (config.email.enabled) {
        if (config.email.to.length === 0)
            throw new UptakeError('config', 'email.enabled is true, so expected at least one recipient in `email.to`, got an empty list');
        smtpAuth(config.email, env);
    }
    return { slack, email: config.email.enabled ? config.email : null };
}
// A webhook URL is a secret: say what is wrong with it without repeating it.
function webhookUrlProblem(url) {
    if (/[\s\u0000-\u001f]/.test(url))
        return 'holds spaces or control characters';
    try {
        const parsed = new URL(url);
        return parsed.hostname === '' ? 'names no host' : null;
    }
    catch {
        return 'is not a well-formed URL';
    }
}
//# sourceMappingURL=resolve-channels.js.map
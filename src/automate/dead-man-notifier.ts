import type { Config } from '../config/schema.js';
import { UptakeError } from '../errors.js';
import { sendEmail } from '../deliver/email.js';
import { postSlack } from '../deliver/slack.js';
import { resolveChannels } from '../deliver/resolve-channels.js';
import { silentLog, type Log } from './clock.js';
import type { DeadManNotifier, DeadManResult } from './dead-man.js';

/**
 * The dead-man notice over the configured channels: always the log, plus Slack and email when
 * enabled. A channel that fails is logged; only when every enabled channel fails does it throw
 * (so the notice is tried again at the next check).
 * @example const notifier = deadManNotifier(config, { log: (line) => process.stderr.write(`${line}\n`) })
 */
export function deadManNotifier(config: Config, effects: { log?: Log; env?: NodeJS.ProcessEnv } = {}): DeadManNotifier {
  const log = effects.log ?? silentLog;
  const env = effects.env ?? process.env;
  return async (result: DeadManResult) => {
    // (with no run known at all, say so: "for more than 8 days" was false on the day uptake was installed)
    const silence = result.silentDays === null ? 'no report has been produced yet' : `no report was produced for more than ${result.days} days`;
    const text = `${config.title}: ${silence} (${result.message}). Check \`uptake status\` and the run log ${config.output}/.uptake/runs.jsonl.`;
    log(`uptake dead-man: ${text}`);
    const failures: string[] = [];
    let attempted = 0;
    if (config.slack.enabled) {
      attempted++;
      try {
        // the webhook is found as for every other notice: a URL, or the name of an env var holding one
        const { slack } = resolveChannels({ slack: config.slack, email: { ...config.email, enabled: false } }, env);
        await postSlack(slack!.webhookUrl, { text }, { retry: slack!.retry, what: 'the dead-man notice' });
      } catch (error) {
        failures.push(`slack: ${(error as Error).message}`);
      }
    }
    if (config.email.enabled && config.email.to.length > 0) {
      attempted++;
      try {
        await sendEmail(config.email, { subject: result.silentDays === null ? `${config.title}: no report yet` : `${config.title}: no report for ${result.days}+ days`, text }, { env });
      } catch (error) {
        failures.push(`email: ${(error as Error).message}`);
      }
    }
    for (const failure of failures) log(`uptake dead-man: notice not delivered by ${failure}`);
    if (attempted > 0 && failures.length === attempted) {
      throw new UptakeError('deliver', `expected the dead-man notice to reach at least one channel, but every channel failed: ${failures.join('; ')}`);
    }
  };
}

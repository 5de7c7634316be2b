import type { Config } from '../config/schema.js';
import { type Log } from './clock.js';
import type { DeadManNotifier } from './dead-man.js';
/**
 * The dead-man notice over the configured channels: always the log, plus Slack and email when
 * enabled. A channel that fails is logged; only when every enabled channel fails does it throw
 * (so the notice is tried again at the next check).
 * @example const notifier = deadManNotifier(config, { log: (line) => process.stderr.write(`${line}\n`) })
 */
export declare function deadManNotifier(config: Config, effects?: {
    log?: Log;
    env?: NodeJS.ProcessEnv;
}): DeadManNotifier;

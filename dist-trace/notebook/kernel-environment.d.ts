import type { Config } from '../config/schema.js';
/**
 * Whether a variable reaches a notebook kernel: an allow-list (PATH, HOME, USER, LOGNAME, SHELL,
 * LANG, LANGUAGE, TZ, TMPDIR, TMP, TEMP, TERM, VIRTUAL_ENV and the LC_*, NODE_*, JUPYTER_*, XDG_*, PYTHON* and UPTAKE_*
 * families), less any name that reads like a secret.
 * @example [kernelMayRead('TZ'), kernelMayRead('UPTAKE_SMTP_PASSWORD'), kernelMayRead('AWS_SECRET_ACCESS_KEY')] // [true, false, false]
 */
export declare function kernelMayRead(name: string): boolean;
/**
 * The environment a notebook kernel starts with (the one place it is made: KernelClient.start):
 * `env` less every variable `kernelMayRead` refuses and every name in `withheld` (the variables the
 * config names as secrets, `configSecretNames`).
 * @example kernelEnvironment({ PATH: '/usr/bin', UPTAKE_SMTP_PASSWORD: 's3cret', UPTAKE_MAIL_PW: 'pw' }, ['UPTAKE_MAIL_PW']) // { PATH: '/usr/bin' }
 */
export declare function kernelEnvironment(env: NodeJS.ProcessEnv, withheld?: Iterable<string>): NodeJS.ProcessEnv;
/**
 * The variables the config names as holding secrets, to withhold from a kernel: the SMTP password,
 * the Slack webhook and the PostgreSQL URL (`…Env` settings, and `webhookUrl`/`postgresUrl` when
 * they name a variable rather than hold a URL).
 * @example configSecretNames(config) // ['UPTAKE_MAIL_PW', 'UPTAKE_SLACK_WEBHOOK', 'UPTAKE_POSTGRES_URL'] when email.passwordEnv is UPTAKE_MAIL_PW
 */
export declare function configSecretNames(config: Pick<Config, 'email' | 'slack' | 'warehouse'>): string[];

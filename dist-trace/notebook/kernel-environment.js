const ALLOWED_NAMES = new Set(['PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR', 'TMP', 'TEMP', 'TERM', 'VIRTUAL_ENV']);
const ALLOWED_PREFIXES = ['LC_', 'NODE_', 'JUPYTER_', 'XDG_', 'PYTHON', 'UPTAKE_'];
/** Any allowed name holding one of these words is withheld all the same (`UPTAKE_SMTP_PASSWORD`, `UPTAKE_POSTGRES_URL`). */
const SECRET_WORDS = /PASS|SECRET|TOKEN|KEY|WEBHOOK|URL|URI|DSN|CREDENTIAL|AUTH|COOKIE|SESSION/i;
/**
 * Whether a variable reaches a notebook kernel: an allow-list (PATH, HOME, USER, LOGNAME, SHELL,
 * LANG, LANGUAGE, TZ, TMPDIR, TMP, TEMP, TERM, VIRTUAL_ENV and the LC_*, NODE_*, JUPYTER_*, XDG_*, PYTHON* and UPTAKE_*
 * families), less any name that reads like a secret.
 * @example [kernelMayRead('TZ'), kernelMayRead('UPTAKE_SMTP_PASSWORD'), kernelMayRead('AWS_SECRET_ACCESS_KEY')] // [true, false, false]
 */
export function kernelMayRead(name) {
    const allowed = ALLOWED_NAMES.has(name) || ALLOWED_PREFIXES.some((prefix) => name.startsWith(prefix));
    return allowed && !SECRET_WORDS.test(name);
}
/**
 * The environment a notebook kernel starts with (the one place it is made: KernelClient.start):
 * `env` less every variable `kernelMayRead` refuses and every name in `withheld` (the variables the
 * config names as secrets, `configSecretNames`).
 * @example kernelEnvironment({ PATH: '/usr/bin', UPTAKE_SMTP_PASSWORD: 's3cret', UPTAKE_MAIL_PW: 'pw' }, ['UPTAKE_MAIL_PW']) // { PATH: '/usr/bin' }
 */
export function kernelEnvironment(env, withheld = []) {
    const names = new Set(withheld);
    return Object.fromEntries(Object.entries(env).filter(([name, value]) => value !== undefined && kernelMayRead(name) && !names.has(name)));
}
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
// A config may keep its secrets in variables of any name (`passwordEnv: "UPTAKE_MAIL_PW"`): those
// names are withheld by name, since nothing in them reads like a secret.
/**
 * The variables the config names as holding secrets, to withhold from a kernel: the SMTP password,
 * the Slack webhook and the PostgreSQL URL (`…Env` settings, and `webhookUrl`/`postgresUrl` when
 * they name a variable rather than hold a URL).
 * @example configSecretNames(config) // ['UPTAKE_MAIL_PW', 'UPTAKE_SLACK_WEBHOOK', 'UPTAKE_POSTGRES_URL'] when email.passwordEnv is UPTAKE_MAIL_PW
 */
export function configSecretNames(config) {
    const named = [config.email.passwordEnv, config.slack.webhookUrlEnv, config.warehouse.postgresUrlEnv, config.slack.webhookUrl, config.warehouse.postgresUrl];
    return [...new Set(named.filter((name) => typeof name === 'string' && name !== '' && !URL_LIKE.test(name)))];
}
//# sourceMappingURL=kernel-environment.js.map
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, constants, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { UptakeError, isSystemError, isUptakeError, systemErrorText, type UptakeErrorKind } from '../errors.js';
import { initReapsOrphans } from './init-reaps.js';
import { statePaths } from './state-paths.js';
import { expectFileKinds } from '../util/file-kind.js';
import { makeFolder } from '../util/make-folder.js';

/** One check of `uptake doctor`: what was checked, and what came of it. */
export interface DoctorCheck {
  name: string;
  ok: boolean;
  /** What was found (ok) or what is wrong (not ok). */
  detail: string;
  /** The error kind of a failed check (its exit code is the kind's). */
  kind?: UptakeErrorKind;
}

export interface DoctorOptions {
  env?: NodeJS.ProcessEnv;
  /** The report notebook whose kernel is started (the CLI passes the built-in one). */
  notebook: string;
  /** The report page template (default: config `reportTemplates`'s, else uptake's templates/report.html.hbs). */
  template?: string;
  /** Output root (default config.output). */
  outDir?: string;
  /** Skip starting Chromium and the kernel (their lookups are still checked). */
  quick?: boolean;
  /** Seconds a check may take, by its name, where not CHECK_LIMIT_SEC's. */
  checkLimitSec?: Readonly<Record<string, number>>;
  onCheck?: (check: DoctorCheck) => void;
  /** Where the `init` check reads PID 1's command line; default /proc. */
  procRoot?: string;
}

// A probe can wait for good (a folder on a hung network mount, a file system that never answers): each check has
// a time limit, past which doctor calls it not checked, says so, and goes on, so it always finishes. Starting
// Chromium (30 s) and the kernel (90 s to start, 90 s to answer) have limits of their own, within these.
/** Seconds each check may take, by name; the files' checks are quick when anything answers. */
export const CHECK_LIMIT_SEC: Readonly<Record<string, number>> = { output: 20, input: 60, duckdb: 20, chromium: 60, kernel: 200, default: 60 };

// Everything a run needs from the world, tried in seconds without running the report: settings,
// secrets, the SMTP server (login), Slack's webhook host, the databases, Chromium and the kernel.
/**
 * Runs every check (each one whatever the others gave) and returns them in order.
 * @example const checks = await runDoctor(config, { notebook: DEFAULT_NOTEBOOK }); checks.filter((check) => !check.ok)
 */
export async function runDoctor(config: Config, options: DoctorOptions): Promise<DoctorCheck[]> {
  const env = options.env ?? process.env;
  const outRoot = resolve(options.outDir ?? config.output);
  const checks: DoctorCheck[] = [];
  const check = async (name: string, work: () => Promise<string>) => {
    let result: DoctorCheck;
    const limitSec = options.checkLimitSec?.[name] ?? CHECK_LIMIT_SEC[name] ?? CHECK_LIMIT_SEC.default;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new UptakeError('environment', `timed out after ${limitSec} s: could not be checked (it waits on something that does not end, such as a hung network mount); the checks after it went on`)), limitSec * 1000);
    });
    try {
      result = { name, ok: true, detail: await Promise.race([work(), late]) };
    } catch (error) {
      result = { name, ok: false, detail: (error as Error)?.message ?? String(error), kind: isUptakeError(error) ? error.kind : 'internal' };
    } finally {
      clearTimeout(timer);
    }
    checks.push(result);
    options.onCheck?.(result);
  };

  await check('config', async () => 'read and valid');
  await check('init', () => initReapsOrphans(options.procRoot));
  await check('output', async () => {
    // the folder's own error, in the words of every other output error: "EROFS: read-only file system, access '…'" was
    // Node's, and a folder that could not be made said only ENOENT, not why it could not be made
    const made = await makeFolder(outRoot).then(() => null, (error: unknown) => error);
    try {
      await access(outRoot, constants.W_OK);
    } catch (error) {
      const cause = made ?? error;
      const reason = isSystemError(cause) ? systemErrorText(cause) : (cause as Error)?.message ?? String(cause);
      throw new UptakeError('environment', `expected to write to the output folder, got: ${reason}`, { file: outRoot, cause });
    }
    // A run's first write is its lock and run log in <output>/.uptake: write there once, as a run would. (Asking the
    // folder for permission said "writable" on a full disk, and with a file in the place of .uptake.)
    const state = statePaths(outRoot).dir;
    const probe = join(state, `.doctor.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      await makeFolder(state);
      await writeFile(probe, 'uptake doctor: can a run write here?\n', { flag: 'wx' });
    } catch (error) {
      const reason = isSystemError(error) ? systemErrorText(error) : (error as Error)?.message ?? String(error);
      throw new UptakeError('environment', `expected to write a run's lock and run log in ${state}, got: ${reason}`, { file: outRoot, cause: error });
    } finally {
      await rm(probe, { force: true }).catch(() => undefined);
    }
    // A run log or lock that is a FIFO or a folder fails every run (exit 12) as it opens them: so it fails here too.
    const { runLog, runLock, alertLedger, deadMan, unfinishedRuns, watchDeliveries } = statePaths(outRoot);
    await expectFileKinds([
      { path: runLock, expected: 'the run lock to be a regular file' },
      { path: runLog, expected: 'the run log to be a regular file' },
      { path: alertLedger, expected: 'the alert ledger to be a regular file' },
      { path: deadMan, expected: 'the dead-man state to be a regular file' },
      { path: unfinishedRuns, expected: 'the unfinished runs to be a regular file' },
      { path: watchDeliveries, expected: 'the watch deliveries to be a regular file' },
    ], 'environment');
    return `${outRoot} is writable`;
  });
  await check('input', async () => {
    const { discoverFiles } = await import('../ingest/discover-files.js');
    const files = await discoverFiles(resolve(config.input));
    return `${files.length} input files in ${resolve(config.input)}`;
  });
  const { resolveChannels } = await import('../deliver/resolve-channels.js');
  let channels: ReturnType<typeof resolveChannels> | null = null;
  await check('channels', async () => {
    channels = resolveChannels(config, env);
    const enabled = [channels.email ? 'email' : null, channels.slack ? 'slack' : null].filter(Boolean);
    return enabled.length > 0 ? `enabled: ${enabled.join(', ')}` : 'none enabled (reports and alerts reach no one)';
  });
  const resolved = channels as ReturnType<typeof resolveChannels> | null;
  if (resolved?.email) {
    const email = resolved.email;
    await check('smtp', async () => (await import('../deliver/email.js')).verifyEmail(email, { env }));
  }
  if (resolved?.slack) {
    const { webhookUrl } = resolved.slack;
    await check('slack', () => reachable(webhookUrl));
  }
  const { warehouseTargets } = await import('../deliver/warehouse/load-warehouse.js');
  let targets: ReturnType<typeof warehouseTargets> = [];
  await check('warehouse', async () => {
    targets = warehouseTargets(config.warehouse, env, outRoot);
    return targets.length > 0 ? targets.map((target) => target.kind).join(', ') : 'none';
  });
  for (const target of targets as ReturnType<typeof warehouseTargets>) {
    if (target.kind === 'duckdb') {
      await check('duckdb', async () => {
        const folder = dirname(resolve(target.path));
        // (a file written there, and removed, as for the output folder: asking for permission says yes to root,
        // and under /proc)
        const probe = join(folder, `.doctor.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
        try {
          await makeFolder(folder);
          await writeFile(probe, 'uptake doctor: can the warehouse be written here?\n', { flag: 'wx' });
        } catch (error) {
          const reason = isSystemError(error) ? systemErrorText(error) : (error as Error)?.message ?? String(error);
          throw new UptakeError('warehouse', `expected to write the DuckDB file's folder, got: ${reason}`, { file: folder, cause: error });
        } finally {
          await rm(probe, { force: true }).catch(() => undefined);
        }
        return `${resolve(target.path)} (folder writable)`;
      });
    } else {
      await check('postgres', () => postgresAnswers(target.url));
    }
  }
  // the store a run keeps (its tables adding up as uptake left them: `uptake store check`, which also reads every
  // kept blob); a running uptake holding it is not a failure
  await check('store', async () => {
    const [{ runStoreLocation, openStore }, { checkStore }] = await Promise.all([import('../store/open-store.js'), import('../store/check-store.js')]);
    const location = runStoreLocation(undefined, config, env, outRoot);
    if (location === undefined) return 'none (config `store`: null)';
    if (!/^postgres(ql)?:\/\//i.test(location) && !existsSync(location)) return `none yet at ${location} (the first run creates it)`;
    const engine = await openStore(location, { mustExist: true, readOnly: true }).catch((error: unknown) => {
      if (isUptakeError(error) && error.kind === 'busy') return null;
      throw error;
    });
    if (engine === null) return `${location} is in use by a running uptake: not checked`;
    try {
      const { problems, repairable } = await checkStore(engine, config, { blobs: false });
      if (problems.length > 0) throw new UptakeError('output', `${engine.location}: ${problems.length === 1 ? 'a count of its tables does' : `${problems.length} counts of its tables do`} not add up (changed outside uptake), e.g. ${problems[0]}; \`uptake store check\` lists them, \`uptake store rebuild\` recomputes the store`);
      return `${engine.location}: its tables add up${repairable.length > 0 ? `; ${repairable.join('; ')}` : ''} (kept blobs: \`uptake store check\`)`;
    } finally {
      await engine.close();
    }
  });
  // the report template users edit: a run checks it before any work too, but an unattended one only says so then
  await check('template', async () => {
    const [{ checkReportTemplate }, { reportTemplatePaths }] = await Promise.all([import('../render/to-html.js'), import('../render/report-templates.js')]);
    const files = reportTemplatePaths(config);
    const template = options.template ?? files.templatePath;
    checkReportTemplate(template, files.cssPath);
    return `${template} renders (with its stylesheet ${files.cssPath})`;
  });
  await check('chromium', async () => {
    const { findChromium, launchBrowser } = await import('../render/browser.js');
    const executablePath = findChromium(env);
    if (options.quick) return `${executablePath} (not started: --quick)`;
    const browser = await launchBrowser({ executablePath, env });
    await browser.close();
    return `${executablePath} starts headless`;
  });
  // The same checks as `uptake kernel doctor` (less Jupyter, which a run does not need).
  await check('kernel', async () => {
    const [{ readNotebook }, { kernelDoctor }] = await Promise.all([import('../notebook/nbformat.js'), import('../notebook/kernel-doctor.js')]);
    const name = (await readNotebook(options.notebook)).metadata.kernelspec?.name ?? 'tslab';
    const kernelChecks = await kernelDoctor({ name, env, jupyter: false, start: !options.quick, cwd: dirname(resolve(options.notebook)) });
    const failed = kernelChecks.find((kernelCheck) => !kernelCheck.ok);
    if (failed) throw new UptakeError('environment', `kernel \`${name}\`: ${failed.check}: ${failed.detail}`);
    const last = kernelChecks[kernelChecks.length - 1];
    return options.quick ? `\`${name}\` found: ${kernelChecks.map((kernelCheck) => kernelCheck.detail).join('; ')} (not started: --quick)` : last.detail;
  });
  return checks;
}

// A connection (a TLS handshake for https) to the webhook's host: nothing is sent, since a webhook has
// no harmless message.
async function reachable(url: string): Promise<string> {
  const { protocol, hostname, port, origin } = new URL(url);
  const secure = protocol === 'https:';
  const [{ connect: connectTcp }, { connect: connectTls }] = await Promise.all([import('node:net'), import('node:tls')]);
  await new Promise<void>((done, fail) => {
    const options = { host: hostname, port: Number(port || (secure ? 443 : 80)), servername: hostname, timeout: 10_000 };
    const socket = secure ? connectTls(options, () => finish()) : connectTcp(options, () => finish());
    const finish = (error?: Error) => {
      socket.destroy();
      if (error) fail(new UptakeError('deliver', `Slack webhook host ${origin}: expected to connect${secure ? ' (TLS)' : ''}, got: ${error.message}`, { cause: error }));
      else done();
    };
    socket.once('error', finish);
    socket.once('timeout', () => finish(new Error('no answer within 10 s')));
  });
  return `${origin} accepts connections${secure ? ' (TLS)' : ''}; no message was posted`;
}

async function postgresAnswers(url: string): Promise<string> {
  const [{ default: pg }, { redactUrl }] = await Promise.all([import('pg'), import('../deliver/warehouse/postgres.js')]);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new UptakeError('warehouse', `PostgreSQL ${redactUrl(url)}: expected to connect, got: ${(error as Error).message}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
  return `${redactUrl(url)} answered`;
}

/**
 * The error for a list of checks: null when all passed, else one of the first failure's kind (and exit code).
 * @example doctorFailure([{ name: 'smtp', ok: false, detail: '…', kind: 'deliver' }])?.exitCode // 7
 */
export function doctorFailure(checks: DoctorCheck[]): UptakeError | null {
  const failed = checks.filter((check) => !check.ok);
  if (failed.length === 0) return null;
  return new UptakeError(failed[0].kind ?? 'internal', `${failed.length} of ${checks.length} checks failed: ${failed.map((check) => check.name).join(', ')}`);
}


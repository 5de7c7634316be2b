import { copyFile, readdir, realpath, rm, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UptakeError, isSystemError, isUptakeError } from './errors.js';
import type { Config } from './config/schema.js';
import { replaceDirAtomic } from './util/atomic-write.js';
import { isoWeekOf, parseIsoWeek, shiftWeek } from './util/iso-week.js';
import { startEarly, type EarlyStart } from './util/start-early.js';
import { printable, someNames } from './util/some-names.js';
import { readRegularFile } from './util/read-state-file.js';
import { packageVersion } from './util/package-version.js';
import type { CleanedData } from './clean/types.js';
import type { MetricsDocument } from './metrics/document.js';
import type { ReportWeek } from './metrics/resolve-week.js';
import type { LoadEffects } from './report/load-report.js';
import { configSecretNames } from './notebook/kernel-environment.js';
import type { LaunchBrowserOptions, ReportBrowser } from './render/browser.js';
import type { KernelClient } from './notebook/kernel-client.js';
import type { StartNotebookKernelOptions } from './notebook/start-notebook-kernel.js';
import type { DeliveryEffects } from './deliver/notify.js';
import type { notebookToHtml } from './render/to-html.js';
import { reportTemplatePaths, type ReportTemplatePaths } from './render/report-templates.js';
import type { WarehouseLoadResult } from './deliver/warehouse/tables.js';
import { resolveChannels, type DeliveryChannels } from './deliver/resolve-channels.js';
import { warehouseTargets } from './deliver/warehouse/load-warehouse.js';
import type { AlertChannel, AlertRoutingResult } from './deliver/alert-routing.js';
import type { LeftOutFile, ReadAsIsFile } from './automate/job.js';
import { makeFolder } from './util/make-folder.js';

// Each stage loads its own modules (about a second for all of them) when it begins: the kernel starts
// before ingest's modules load, and a run without delivery never loads nodemailer. Stage timings
// include that loading.

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_NOTEBOOK = join(PROJECT_ROOT, 'notebooks', 'weekly-report.ipynb');

export interface RunOptions {
  config: Config;
  /** A failure the caller handles itself (the watcher skips a week without data): no failure notice is sent for it. */
  handledFailure?: (error: unknown) => boolean;
  /** `latest` (the last complete ISO week in the data) or `YYYY-Www`. */
  week: string;
  /** Input folder; default `config.input`. */
  input?: string;
  /** Output root; the report goes to `<outDir>/<week>/`. Default `config.output`. */
  outDir?: string;
  /** The config file the run was given, passed on to the notebook. */
  configPath?: string;
  /** Email, Slack; off with `--no-deliver`. */
  deliver: boolean;
  /** Warehouse load (DuckDB, PostgreSQL when configured); on unless false. */
  warehouse?: boolean;
  /** `builtin` renders HTML with uptake's template; `quarto` with the quarto CLI. */
  engine?: 'builtin' | 'quarto';
  notebook?: string;
  /** Further notebook parameters as text (`uptake run -p name=value`), read by their declared types. */
  notebookParameters?: Record<string, string>;
  /** Per-cell notebook timeout in seconds. */
  cellTimeoutSec?: number;
  runId?: string;
  /** Store of cleaned data (a DuckDB file path or postgres:// URL): only new or changed input files are read. None: every file is cleaned. */
  store?: string;
  /**
   * The week a scheduled run (or `uptake run --week due`) is due to report: the week before its occurrence's, or
   * before today's. When `latest` resolves to an older week, the export has not arrived and the run fails (input)
   * before anything is published or delivered.
   */
  dueWeek?: string;
  /**
   * Input files `uptake watch` found not whole: `leftOut` of the input folder it gave the run (still waited for, or
   * refused before), and `readAsIs` in it though cut short. The manifest lists them.
   */
  incompleteInputs?: { leftOut: LeftOutFile[]; readAsIs: ReadAsIsFile[] };
  /**
   * The channels the report already went out on, by an earlier try of this (scheduled) run that was interrupted:
   * it is not sent on them again.
   */
  deliveredBefore?: Array<'email' | 'slack'>;
}

/**
 * Everything a run does to the world outside its own memory comes in here, so a test can pass its
 * own clock, browser, kernel, mail transport or network. The CLI builds the real ones (cli/run-effects.ts).
 */
export interface RunEffects extends Required<Pick<LoadEffects, 'now' | 'log'>> {
  /** The run's clock: the report's "generated at", the manifest, `latest`, the alert ledger. */
  now: () => Date;
  /** Progress lines (stderr in the CLI). */
  log: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** The report folder's files: the run writes and reads them through these. */
  files: {
    writeFile(path: string, data: string | Uint8Array): Promise<void>;
    readFile(path: string): Promise<Uint8Array>;
  };
  /** Starts the one Chromium the render prints the PDF with. */
  browser: { launch(options: LaunchBrowserOptions): Promise<ReportBrowser> };
  /** Starts the notebook's kernel (tslab). */
  kernel: { start(notebookPath: string, options: StartNotebookKernelOptions): Promise<KernelClient> };
  /** Mail: the SMTP transport the report, the alerts and the failure notice are sent through. */
  mail: { createTransport: NonNullable<DeliveryEffects['createTransport']> };
  /** Network: Slack and webhook posts. */
  network: { fetch: typeof fetch };
  /**
   * Aborts the run: the kernel and Chromium are killed, the stage in progress fails, the staging
   * folder goes, and nothing more is published or delivered (UptakeError `aborted`).
   */
  signal?: AbortSignal;
  /**
   * Asked right before delivery: a reason not to deliver (e.g. `uptake watch` saw an input file change
   * during the run), or null. The report is still written; nothing is mailed or posted.
   */
  holdDelivery?: () => Promise<string | null>;
  /** Told as the report goes out on a channel (a scheduled run keeps it, so that a retry does not send it again). */
  onReportDelivered?: (channel: 'email' | 'slack') => Promise<void>;
}

export interface RunResult {
  week: string;
  outDir: string;
  files: string[];
  metrics: MetricsDocument;
  warehouse: WarehouseLoadResult[];
  delivered: { email: boolean; slack: boolean; alerts: AlertRoutingResult | null };
  timingsMs: Record<string, number>;
}

const STAGES = ['ingest', 'metrics', 'notebook', 'render', 'publish', 'warehouse', 'deliver'] as const;
type Stage = (typeof STAGES)[number];

/**
 * The whole weekly job: ingest and clean, metrics, notebook, HTML and PDF, flat files, the week's
 * folder written atomically, warehouse, then email and Slack. Nothing is delivered unless every
 * earlier stage succeeded.
 * @example await runReport({ config, week: 'latest', deliver: false }, runEffects())
 */
export async function runReport(options: RunOptions, effects: RunEffects): Promise<RunResult> {
  // Settings are checked first: a config that cannot deliver or load fails before any work is done.
  const { channels } = checkRunSettings(options.config, options, effects.env);
  // The report week once stage 2 resolved it; a failure before that can name only the week asked for.
  const resolved: RunProgress = {};
  try {
    effects.signal?.throwIfAborted();
    return await runStages(options, effects, channels, resolved);
  } catch (error) {
    const week = resolved.week?.week ?? options.dueWeek ?? options.week;
    // An aborted run stops at once: whatever failed inside it failed because of the abort.
    if (effects.signal?.aborted) throw abortedError(week, effects.signal, error, resolved);
    // A failed run never mails the report, but it does tell the channels that it failed (an alert
    // failure came after the report went out: the channels had the report; a usage error, `--week 2026-W30` without
    // data, is told to the person who typed it, not mailed to everyone as a failed run).
    const told = isUptakeError(error) && (error.kind === 'alert' || error.kind === 'usage');
    if (channels && (channels.email || channels.slack) && !told && !options.handledFailure?.(error)) {
      const summary = resolved.reportDelivery ? publishedSummary(resolved.reportDelivery) : 'No report was sent.';
      await sendFailureNotice({ week, title: options.config.title, error, summary }, channels, effects);
    }
    throw error;
  }
}

/**
 * The week a run at `epochMs` is due to report: the week before the one holding that moment, in the report zone
 * (RunOptions.dueWeek: `uptake run --week due` at its start, a scheduled run at its occurrence).
 * @example weekDueAt(Date.UTC(2026, 10, 23, 6), 'Europe/Berlin') // '2026-W47'
 */
export function weekDueAt(epochMs: number, zone: string): string {
  return shiftWeek(isoWeekOf(epochMs, zone), -1);
}

/**
 * Tells the run's channels (email, Slack) that it could not start: its outputs cannot be written, or its run lock
 * cannot be taken (a full or read-only disk). No report was built, so nothing but the dead-man check, days later,
 * would say so. Not when another run holds the lock (busy: that run reports), nor when delivery is off or the
 * channels' settings are themselves wrong (the error says so).
 * @example await notifyStartFailure({ config, week: 'latest', deliver: true }, runEffects(), error)
 */
export async function notifyStartFailure(options: Pick<RunOptions, 'config' | 'week' | 'dueWeek' | 'deliver'>, effects: RunEffects, error: unknown): Promise<void> {
  if (isUptakeError(error) && (error.kind === 'busy' || error.kind === 'aborted')) return;
  let channels: DeliveryChannels | null;
  try {
    ({ channels } = checkRunSettings(options.config, { deliver: options.deliver, warehouse: false }, effects.env));
  } catch {
    return;
  }
  if (!channels || !(channels.email || channels.slack)) return;
  await sendFailureNotice({ week: options.dueWeek ?? options.week, title: options.config.title, error, summary: 'The run could not start; no report was sent.' }, channels, effects);
}

// The notice of a failed run, by every channel; a channel that cannot take it is logged (the run's own error is the one told).
async function sendFailureNotice(notice: { week: string; title: string; error: unknown; summary: string }, channels: DeliveryChannels, effects: RunEffects): Promise<void> {
  const { notifyRunOutcome } = await import('./deliver/notify.js');
  for (const result of await notifyRunOutcome({ ok: false, ...notice }, channels, deliveryEffects(effects))) {
    if (!result.ok) effects.log(`could not send the failure notice by ${result.channel}: ${result.error}`);
  }
}

/** What a run got to, for the notice of its failure. */
interface RunProgress {
  /** The report week once stage 2 resolved it. */
  week?: ReportWeek;
  /** Where the partial notebook of a run whose notebook stage failed (or was aborted) is kept. */
  partialNotebook?: string;
  /** The channel the report is being handed to (stage 7), while it is: an abort then may not have kept it from going out. */
  sending?: AlertChannel;
  /** Whether the channel may have the report, its answer pending (the mail server has the whole message; a post to Slack is out): until then an abort kept it from being delivered. */
  handedOver?: boolean;
  /** While the alerts are being sent (stage 7): an abort then may not have kept one from going out. */
  sendingAlerts?: boolean;
  /** The channels the report went out by (stage 7), as it did: an abort after them says so. */
  received?: AlertChannel[];
  /** Set when the published report reached some channels and not others (stage 7). */
  reportDelivery?: { received: AlertChannel[]; failed: AlertChannel[]; uncertain: AlertChannel[]; partly: AlertChannel[] };
}

const CHANNEL_NAMES: Record<AlertChannel, string> = { email: 'email', slack: 'Slack' };

// The failure notice of a run whose report was published but not delivered everywhere must not say that no report was sent.
// Nor that a channel which may have it (no answer to the whole post or mail) did not: it was not sent again.
// Nor that email did not, when the mail reached some of its recipients and the server refused others.
function publishedSummary({ received, failed, uncertain = [], partly = [] }: { received: AlertChannel[]; failed: AlertChannel[]; uncertain?: AlertChannel[]; partly?: AlertChannel[] }): string {
  const names = (list: AlertChannel[]) => list.map((channel) => CHANNEL_NAMES[channel]).join(' and ');
  const refused = failed.filter((channel) => !uncertain.includes(channel) && !partly.includes(channel));
  const perhaps = uncertain.length > 0 ? `${names(uncertain)} may have received it (no answer came; it was not sent again)` : '';
  const some = partly.length > 0 ? `${names(partly)} reached some of its recipients, not all` : '';
  const did = received.length > 0 ? `${names(received)} received it` : '';
  const didNot = refused.length > 0 ? `${names(refused)} did not` : '';
  if (received.length === 0 && uncertain.length === 0 && partly.length === 0) return `The report was published, but ${names(refused)} did not receive it.`;
  return `The report was published; ${[did, perhaps, some, didNot].filter(Boolean).join(', ')}.`;
}

/**
 * Checks every setting a run will use, with the secrets the environment holds: the Slack webhook
 * and PostgreSQL URLs, the SMTP recipients and password (config-file settings such as hosts,
 * addresses and the cron were checked when the config was read). Throws UptakeError('config').
 * `watch` and `schedule` call it at start, `runReport` before each run.
 * @example checkRunSettings(config, { deliver: true, warehouse: true }, process.env)
 */
export function checkRunSettings(config: Config, use: { deliver: boolean; warehouse?: boolean }, env: Record<string, string | undefined> = process.env): { channels: DeliveryChannels | null } {
  const channels = use.deliver ? resolveChannels(config, env) : null;
  if (use.warehouse !== false) warehouseTargets(config.warehouse, env);
  reportTemplatePaths(config);
  return { channels };
}

// The mail transport and network of the run, in the shape deliver/ takes them.
function deliveryEffects(effects: RunEffects): DeliveryEffects {
  return { env: effects.env, createTransport: effects.mail.createTransport, fetch: effects.network.fetch, signal: effects.signal };
}

function abortedError(week: string, signal: AbortSignal, cause: unknown, { partialNotebook, sending, handedOver, sendingAlerts, received = [] }: RunProgress): UptakeError {
  // an abort after the report went out (while Slack was posted to, or the alerts sent) said only "nothing more was
  // delivered": the operator could not tell whether to send the report again
  const went = received.length > 0 ? `; the report had gone out by ${received.map((channel) => CHANNEL_NAMES[channel]).join(' and ')}` : '';
  const why = `${typeof signal.reason === 'string' ? ` by ${signal.reason}` : ''}${sending ? ` while the report was being sent by ${CHANNEL_NAMES[sending]} (${sendingText(sending, handedOver)})` : ''}${
    sendingAlerts ? ' while the alerts were being sent (one may have gone out: look before sending them again)' : ''
  }${went}`;
  // before stage 2 resolved `--week latest` the run knows no week: "the run for latest" read as a week's name
  const which = week === 'latest' ? 'the run for the latest week' : `the run for ${week}`;
  const kept = partialNotebook ? `; the partial notebook is kept for inspection in ${partialNotebook} ${keptNotebooksText(partialNotebook)}` : '';
  return new UptakeError('aborted', `${which} was aborted${why}; nothing more was published or delivered${kept}`, { cause });
}

// A mail server that had the whole message when the run was aborted sends it: "nothing more was delivered" was not so.
// Before the end of DATA it cannot have taken it (the abort dropped the connection): "may have taken it" sent the
// operator looking for a mail that never went out.
function sendingText(sending: AlertChannel, handedOver: boolean | undefined): string {
  if (sending === 'slack') return handedOver ? 'Slack may have taken it: look before sending it again' : 'Slack had refused every post so far: the report was not posted';
  if (handedOver) return 'the mail server may have taken it: look before sending it again';
  return 'the mail server did not have the whole message yet: the report was not delivered';
}

async function runStages(options: RunOptions, effects: RunEffects, channels: DeliveryChannels | null, resolved: RunProgress): Promise<RunResult> {
  const { now, log, env, files: { writeFile, readFile } } = effects;
  const { config } = options;
  const input = resolve(options.input ?? config.input);
  const outRoot = resolve(options.outDir ?? config.output);
  const startedAt = now();
  const timingsMs: Partial<Record<Stage, number>> = {};
  const notebookPath = options.notebook ?? DEFAULT_NOTEBOOK;
  await checkRunOutputs(config, options, env);
  // the report template (reportTemplates' or uptake's own, which users edit) broken or gone fails the run before any
  // work, not after the notebook has run
  const pageFiles = reportTemplatePaths(config);
  if ((options.engine ?? 'builtin') === 'builtin') (await import('./render/to-html.js')).checkReportTemplate(pageFiles.templatePath, pageFiles.cssPath);
  // a week named up front: a week folder the run may not replace is said before any work (checked again before the swap)
  const named = parseIsoWeek(options.week);
  if (named !== null) {
    const weekDir = join(outRoot, named);
    await expectReportFolder(await realpath(weekDir).catch(() => weekDir), named, weekDir);
  }
  const stage = async <T>(name: Stage, work: () => Promise<T>): Promise<T> => {
    effects.signal?.throwIfAborted();
    const index = STAGES.indexOf(name) + 1;
    log(`[${index}/${STAGES.length}] ${name} ...`);
    const began = performance.now();
    const result = await work();
    timingsMs[name] = Math.round(performance.now() - began);
    log(`[${index}/${STAGES.length}] ${name} done in ${(timingsMs[name]! / 1000).toFixed(1)} s`);
    return result;
  };

  // 0. The notebook's kernel starts now, alongside ingest and metrics: it takes seconds (tslab loads
  //    TypeScript's compiler) and needs no data. The notebook stage waits for what is left of its start,
  //    and reports its error, if any; every way out of the run stops it.
  //    Its cells never see the secrets the config names, whatever their names.
  const withheld = configSecretNames(config);
  const kernel = startEarly(
    (signal) => effects.kernel.start(notebookPath, { env, withheld, signal, onProgress: (message) => log(`    ${message}`) }),
    (started) => (effects.signal?.aborted ? started.kill() : started.shutdown()),
  );
  let browser: EarlyStart<ReportBrowser> | undefined;
  // An abort kills the kernel and closes Chromium now: the stage waiting on them fails at once.
  const onAbort = () => void Promise.all([kernel.stop(), browser?.stop()]);
  effects.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // 1. Ingest and clean: every input row used, merged with a reason or quarantined
    //    (loadReport, the one composition; its second half, reportOn, is stage 2)
    const { data, inputs, report } = await stage('ingest', async () => {
      const [{ assertInputsUnchanged }, { loadReport }, { hashFile }] = await Promise.all([
        import('./ingest/settle-inputs.js'),
        import('./report/load-report.js'),
        import('./util/hash-file.js'),
      ]);
      // through a store the report comes with the data (from the kept weekly facts and the window's tasks);
      // input files still being written are waited for, and one that changes while read fails the run
      // (the warehouse replaces the report week's tasks and the week before's, which a landing often changes)
      const weekBefore = options.warehouse !== false && warehouseTargets(config.warehouse, env, outRoot).length > 0;
      const loaded = await loadReport({ source: { input, store: options.store }, config, week: options.store !== undefined ? options.week : null, weekBefore }, { now: () => startedAt, log: (message) => log(`    ${message}`), signal: effects.signal });
      const hashed = await Promise.all(loaded.files.map(async (file) => ({ file: file.name, kind: file.kind, bytes: file.bytes, sha256: await hashFile(file.path) })));
      // the manifest's hashes are of the bytes the report was made from
      await assertInputsUnchanged(input, loaded.files);
      return { data: loaded.data, inputs: hashed, report: 'metrics' in loaded ? loaded : undefined };
    });

    // 2. Metrics: the report week resolved once (from here on a ReportWeek, never `latest`), then every
    //    registered KPI over the cleaned tables
    const { week: reportWeek, metrics } = await stage('metrics', async () => report ?? (await import('./report/load-report.js')).reportOn({ config, data }, options.week));
    const week = reportWeek.week;
    // A scheduled run with last week's export missing re-published and re-mailed the week before as this week's
    // report, and logged it ok: the dead-man check never fired however long the exports stayed away.
    if (options.dueWeek !== undefined && reportWeek.latest && week < options.dueWeek) {
      throw new UptakeError(
        'input',
        `expected the data to hold ${options.dueWeek} whole (the week this run is due to report), but its latest complete week is ${week}: the export of ${options.dueWeek} has not arrived, or not all of it; nothing was published or delivered`,
      );
    }
    resolved.week = reportWeek;
    const weekDir = join(outRoot, week);

    // 3 to 5. Notebook, render and publish build the week's folder aside and swap it in whole
    const files: string[] = [];
    await replaceDirAtomic(weekDir, async (staging) => {
      // 3. Notebook: the analysts' weekly-report notebook, shown this run's metrics document, so the
      //    report and metrics.json hold the same numbers and nothing is written outside the staging folder.
      //    While the kernel works, the main process is idle: Chromium starts for the render stage, the
      //    flat files (they need only the metrics) are written, and the render and warehouse modules load.
      const chromium = startEarly(() => effects.browser.launch({ env }), (started) => started.close());
      browser = chromium;
      const flatFiles = startEarly(() => writeFlatFiles(staging, metrics, data.quarantine, writeFile), async () => undefined);
      void import('./render/to-html.js').catch(() => undefined); // warms the module cache; render imports it again
      if (options.warehouse !== false) {
        void import('./deliver/warehouse/load-warehouse.js').then((warehouse) => warehouse.preloadWarehouseDrivers(config.warehouse, env)).catch(() => undefined);
      }
      try {
        const executedPath = join(staging, 'report.ipynb');
        const metricsPath = join(staging, 'metrics.json');
        await writeFile(metricsPath, `${JSON.stringify(metrics, null, 2)}\n`);
        const executed = await stage('notebook', async () =>
          (await import('./notebook/execute.js'))
            .executeNotebook(notebookPath, {
              parameters: { week, input, config: options.configPath ? resolve(options.configPath) : '', output: '', metrics: metricsPath },
              textParameters: options.notebookParameters,
              outputPath: executedPath,
              cellTimeoutSec: options.cellTimeoutSec,
              onProgress: (message) => log(`    ${message}`),
              env,
              withheld,
              kernel: kernel.ready,
            })
            .catch((error: unknown) => keepPartialNotebook(error, executedPath, failedNotebookPath(outRoot, week), resolved)),
        );
        void kernel.stop(); // in the background: the executed notebook is written; the finally below waits for it

        // 4. Render: HTML (uptake's template or quarto), then one Chromium for the PDF; the flat files were
        //    written alongside the notebook, and a failure there is reported here, after the PDF's
        await stage('render', async () => {
          const [{ frontPage, FRONT_PAGE_ALERTS }, { formatGeneratedAt }, { htmlToPdf, fitCover }] = await Promise.all([
            import('./render/front-page.js'),
            import('./render/to-html.js'),
            import('./render/to-pdf.js'),
          ]);
          // page 1 is one printed page: fewer alerts on it (the rest counted, in the appendix) when they do not fit
          const htmlWith = (maxAlerts: number) => {
            const front = frontPage(metrics, { maxAlerts });
            return renderHtml(options.engine ?? 'builtin', pageFiles, executed.notebook, executedPath, {
              title: config.title,
              week,
              weekStart: reportWeek.start,
              weekEnd: reportWeek.end,
              headline: front.tiles,
              keyPoints: front.keyPoints,
              alerts: front.alerts,
              moreAlerts: front.moreAlerts,
              moreSeverities: front.moreSeverities,
              generatedAt: formatGeneratedAt(startedAt, config.timezone),
            }, readFile, effects.signal);
          };
          const html = await fitCover(await chromium.ready, htmlWith, FRONT_PAGE_ALERTS);
          await writeFile(join(staging, 'report.html'), html);
          await writeFile(join(staging, 'report.pdf'), await htmlToPdf(await chromium.ready, html, { title: config.title, week }));
          void chromium.stop(); // in the background, like the kernel's
          await flatFiles.ready;
        });

        // 5. Publish: the manifest last, so a folder with a manifest is a complete report
        await stage('publish', async () => {
          const overlappedMs = { kernel_start: kernel.durationMs, browser_start: chromium.durationMs, flat_files: flatFiles.durationMs };
          const manifest = buildManifest({ options, input, week, inputs, data, metrics, startedAt, finishedAt: now(), timingsMs, overlappedMs, engine: options.engine ?? 'builtin' });
          await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
        });
        files.push(...(await readdir(staging)).sort());
        effects.signal?.throwIfAborted(); // the last moment to publish nothing
      } finally {
        await flatFiles.stop(); // a failed run removes the staging folder: no write may still be under way
      }
    }, { replaceable: (folder) => expectReportFolder(folder, week, weekDir) });
    log(`report written to ${weekDir}`);

    // 6. Warehouse: cleaned tasks and metric tables, upserted by week
    const warehouse: WarehouseLoadResult[] = [];
    if (options.warehouse !== false) {
      await stage('warehouse', async () => {
        const { loadWarehouse, warehouseTargets } = await import('./deliver/warehouse/load-warehouse.js');
        for (const target of warehouseTargets(config.warehouse, env, outRoot)) {
          const located = target.kind === 'duckdb' ? { ...target, path: resolve(target.path) } : target;
          warehouse.push(await loadWarehouse(located, { week, tasks: data.tasks, metrics, runId: options.runId ?? startedAt.toISOString() }, { signal: effects.signal }));
        }
      });
    }

    // 7. Deliver: only a complete, published report is mailed; alerts go out once per condition and week
    const delivered: RunResult['delivered'] = { email: false, slack: false, alerts: null };
    const held = channels && effects.holdDelivery ? await effects.holdDelivery() : null;
    if (held !== null) log(`not delivering the report for ${week}: ${held}`);
    if (channels && held === null) {
      await stage('deliver', async () => {
        const [{ sendReportEmail, reachedRecipients }, { reportEmailBody }, { postSlack, slackReportMessage }, { routeAlerts }, { createAlertSender }, { statePaths }, { fateUnknown }] = await Promise.all([
          import('./deliver/email.js'),
          import('./deliver/report-email-body.js'),
          import('./deliver/slack.js'),
          import('./deliver/alert-routing.js'),
          import('./deliver/alert-sender.js'),
          import('./automate/state-paths.js'),
          import('./deliver/retry.js'),
        ]);
        // One channel failing never keeps the report or the alerts from the other: each is tried, then the first failure is raised.
        const failures: { channel: AlertChannel; error: unknown }[] = [];
        const sentBefore = (channel: 'email' | 'slack') => {
          if (!options.deliveredBefore?.includes(channel)) return false;
          log(`    ${channel}: the report is not sent again: an earlier try of this run, which was interrupted, sent it (or sent it whole and got no answer)`);
          delivered[channel] = true;
          return true;
        };
        // The report handed to one channel: while it is, an abort says how far it got (sending, handedOver); once it went
        // out, an abort after says so (received), and a retry of the run does not send it again (reportDelivered).
        const sendReport = async (channel: 'email' | 'slack', send: (onHandedOver: (handedOver: boolean) => void) => Promise<unknown>) => {
          try {
            resolved.sending = channel;
            resolved.handedOver = false;
            await send((handedOver) => void (resolved.handedOver = handedOver));
            delivered[channel] = true;
          } catch (error) {
            failures.push({ channel, error });
          }
          // (an abort during the send is thrown just after, and said with the channel)
          if (!effects.signal?.aborted) resolved.sending = undefined;
          if (!delivered[channel]) {
            // a channel that may have the report (no answer to the whole post or mail) is noted as one it went out on: a
            // retry of this run (a watched batch, a scheduled run tried again) posted it again, and the channel showed it twice
            if (failures.some((failure) => failure.channel === channel && fateUnknown(failure.error))) await reportDelivered(effects, channel);
            return;
          }
          (resolved.received ??= []).push(channel);
          await reportDelivered(effects, channel);
        };
        if (channels.email && !sentBefore('email')) {
          const email = channels.email;
          await sendReport('email', async (onHandedOver) => {
            const pdf = await readFile(join(weekDir, 'report.pdf'));
            const pdfName = `uptake-report-${week}.pdf`;
            const body = reportEmailBody(metrics, { title: config.title, pdfName });
            await sendReportEmail(email, { week, title: config.title, pdf, pdfName, text: body.text, html: body.html, alert: body.alert }, { ...deliveryEffects(effects), onHandedOver });
          });
        }
        // (a run aborted while the mail went out posts nothing more)
        effects.signal?.throwIfAborted();
        if (channels.slack && !sentBefore('slack')) {
          const slack = channels.slack;
          await sendReport('slack', (onHandedOver) =>
            postSlack(slack.webhookUrl, slackReportMessage(metrics, { title: config.title, reportUrl: slack.reportUrl }), { retry: slack.retry, fetch: effects.network.fetch, signal: effects.signal, onHandedOver, what: 'the report' }),
          );
        }
        effects.signal?.throwIfAborted();
        if (channels.email || channels.slack) {
          resolved.sendingAlerts = true;
          delivered.alerts = await routeAlerts(metrics.tables.alerts, {
            week,
            config: config.alerts,
            ledgerPath: statePaths(outRoot).alertLedger,
            now: now(),
            channels: (['slack', 'email'] as const).filter((channel) => channels[channel] !== null),
            send: createAlertSender(channels, { week, title: config.title }, deliveryEffects(effects)),
          });
          // (an abort during the sending is thrown below, and said with the alerts)
          if (!effects.signal?.aborted) resolved.sendingAlerts = false;
          const { sent, suppressed, failed } = delivered.alerts;
          log(`    alerts: ${sent.length} sent, ${suppressed.length} not repeated or not routed, ${failed.length} channel failures`);
          for (const failure of failed) log(`    alerts not delivered by ${failure.channel}: ${failure.error}`);
        }
        if (failures.length > 0) {
          resolved.reportDelivery = {
            received: (['email', 'slack'] as const).filter((channel) => delivered[channel]),
            failed: failures.map((failure) => failure.channel),
            uncertain: failures.filter((failure) => fateUnknown(failure.error)).map((failure) => failure.channel),
            partly: failures.filter((failure) => reachedRecipients(failure.error).length > 0).map((failure) => failure.channel),
          };
          for (const failure of failures.slice(1)) log(`    the report was not delivered by ${failure.channel} either: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}`);
          throw failures[0].error;
        }
      });
    }
    // The report went out, but an alert that one of its channels did not take is a failed run: someone must hear of it.
    const undelivered = delivered.alerts?.failed ?? [];
    if (undelivered.length > 0) {
      // "2 alerts could not be delivered (slack: …); they are retried on the next run"
      const said = (failures: typeof undelivered, what: string, then: string) => {
        const count = new Set(failures.flatMap((failure) => failure.keys)).size;
        return `${count} alert${count === 1 ? '' : 's'} ${what} (${failures.map((failure) => `${failure.channel}: ${failure.error}`).join('; ')}); ${then}`;
      };
      const refused = undelivered.filter((failure) => !failure.mayHaveArrived);
      const unknown = undelivered.filter((failure) => failure.mayHaveArrived);
      const parts = [
        ...(refused.length > 0 ? [said(refused, 'could not be delivered', 'they are retried on the next run')] : []),
        // (a channel that may show them: the next run sending them again would show them twice)
        ...(unknown.length > 0 ? [said(unknown, `may not have reached ${unknown.map((failure) => CHANNEL_NAMES[failure.channel]).join(' and ')}`, 'they are not sent again')] : []),
      ];
      throw new UptakeError('alert', `the report for ${week} was published and delivered, but ${parts.join('; and ')}`);
    }
    return { week, outDir: weekDir, files, metrics, warehouse, delivered, timingsMs };
  } finally {
    // The kernel and Chromium, whether started, still starting or failed, are gone when the run ends.
    effects.signal?.removeEventListener('abort', onAbort);
    await Promise.all([kernel.stop(), browser?.stop()]);
  }
}

// A warehouse DuckDB file that is a FIFO held the load at stage 6, after the week was published.
/**
 * Checks the outputs a run will write before any work (or lock): the output root and the warehouse's DuckDB
 * file are apart from the input files (UptakeError('usage')), the output root is a folder (or none yet), that DuckDB
 * file is not a FIFO, a folder or a device,
 * and the alert ledger of a run that delivers is one (UptakeError('output')). `run` calls it before taking the
 * lock, `runReport` again before its stages.
 * @example await checkRunOutputs(config, { input: 'exports', outDir: 'output', deliver: true })
 */
export async function checkRunOutputs(config: Config, use: { input?: string; outDir?: string; warehouse?: boolean; deliver?: boolean }, env: Record<string, string | undefined> = process.env): Promise<void> {
  const [{ expectOutputsApart }, { expectFileKinds }, { duckdbWarehouseFiles }, { statePaths }] = await Promise.all([
    import('./ingest/outputs-apart.js'),
    import('./util/file-kind.js'),
    import('./deliver/warehouse/load-warehouse.js'),
    import('./automate/state-paths.js'),
  ]);
  const outRoot = use.outDir ?? config.output;
  const duckdb = use.warehouse === false ? [] : warehouseTargets(config.warehouse, env, outRoot).flatMap((target) => (target.kind === 'duckdb' ? [target.path] : []));
  await expectOutputsApart(
    [
      { path: outRoot, by: use.outDir === undefined ? '`output`' : '--out', folder: true },
      ...duckdb.map((path) => ({ path, by: config.warehouse.duckdbPath ? '`warehouse.duckdbPath`' : 'the warehouse (<output>/uptake.duckdb)' })),
    ],
    { folder: use.input ?? config.input },
  );
  // a file in the output folder's place: `run` said exit 12 (as it took its lock), `schedule` and `watch` exit 9 (as they
  // read their run log or ledger)
  await expectFileKinds([{ path: outRoot, expected: 'the output folder to be a folder', folder: true }], 'output');
  await expectFileKinds(duckdb.flatMap((path) => duckdbWarehouseFiles(path)), 'output');
  // an alert ledger that is a FIFO, a folder or not a ledger failed the run only after the report was mailed (exit 7),
  // so that the same recipients got the report and then a notice that the run failed
  if (use.deliver !== false && (config.email.enabled || config.slack.enabled)) {
    await (await import('./deliver/alert-routing.js')).readAlertLedger(statePaths(outRoot).alertLedger);
  }
}

// A week folder is replaced whole: an export folder named like the week, or one a link of that name leads to,
// lost every file in it; so did one holding another tool's manifest.json.
/**
 * Throws UptakeError('output') unless `folder` is missing, empty, or the report of `week` a run published: its
 * manifest.json is uptake's (the week's, with the uptake version that wrote it). A run replaces only its own week
 * folders; a folder it cannot read is refused too. `shown`: the week folder's name when `folder` is where a link
 * of that name leads.
 * @example await expectReportFolder('output/2026-W47', '2026-W47')
 */
export async function expectReportFolder(folder: string, week: string, shown = folder): Promise<void> {
  const where = resolve(folder) === resolve(shown) ? 'a folder' : `a link to ${printable(folder)}, a folder`;
  const refuse = (holding: string) =>
    new UptakeError('output', `expected the week folder to be missing or the report of ${week} uptake published (with its manifest.json), got ${where} ${holding}; nothing was replaced: move those files away, or have the run write elsewhere (--out or \`output\`)`, { file: shown });
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return;
    throw refuse(`that cannot be read (${isSystemError(error) ? error.code : String(error)})`);
  }
  if (names.length === 0) return;
  const holding = `holding ${someNames(names.sort())}`;
  if (!names.includes('manifest.json')) throw refuse(holding);
  const manifest = await readRegularFile(join(folder, 'manifest.json'), "the week's manifest", 'output')
    .then((text) => JSON.parse(text) as { week?: unknown; versions?: { uptake?: unknown } })
    .catch(() => null);
  if (manifest?.week !== week || typeof manifest.versions?.uptake !== 'string') throw refuse(`${holding}, whose manifest.json is not a report of ${week} by uptake`);
}

/**
 * Where a run whose notebook failed keeps the partial notebook (the staging folder it was in is removed).
 * @example failedNotebookPath('output', '2026-W47') // 'output/.uptake/failed/2026-W47/report.ipynb'
 */
export function failedNotebookPath(outRoot: string, week: string): string {
  return join(outRoot, '.uptake', 'failed', week, 'report.ipynb');
}

/** How many weeks' partial notebooks `<output>/.uptake/failed/` keeps: the latest written; older ones are removed. */
export const FAILED_NOTEBOOKS_KEPT = 10;

// Papermill's behaviour: the partial notebook of a failed run is kept, and the error names where. (A run aborted in
// its notebook keeps it too: the kernel killed under it fails the notebook stage, and the abort names the path.)
async function keepPartialNotebook(error: unknown, stagedPath: string, keptPath: string, resolved: RunProgress): Promise<never> {
  if (!(error instanceof UptakeError) || error.kind !== 'notebook' || !existsSync(stagedPath)) throw error;
  await makeFolder(dirname(keptPath));
  await copyFile(stagedPath, keptPath);
  resolved.partialNotebook = keptPath;
  await removeOlderPartialNotebooks(dirname(dirname(keptPath)), dirname(keptPath));
  const kept = `${keptPath} ${keptNotebooksText(keptPath)}`;
  const message = error.message.includes(stagedPath) ? error.message.replace(stagedPath, kept) : `${error.message}; the partial notebook is in ${kept}`;
  throw new UptakeError('notebook', message, { cause: error });
}

function keptNotebooksText(keptPath: string): string {
  return `(the ${FAILED_NOTEBOOKS_KEPT} latest weeks' are kept in ${dirname(dirname(keptPath))})`;
}

// Failed runs' partial notebooks would pile up for good in an unattended install: the latest weeks' are kept (by
// when they were written), the one just written always. A folder that cannot be read or removed is left as it is.
async function removeOlderPartialNotebooks(failedDir: string, justKept: string): Promise<void> {
  const names = await readdir(failedDir).catch(() => [] as string[]);
  const folders = await Promise.all(names.map(async (name) => ({ path: join(failedDir, name), info: await stat(join(failedDir, name)).catch(() => null) })));
  const older = folders
    .filter((folder) => folder.path !== justKept && folder.info?.isDirectory())
    .sort((a, b) => b.info!.mtimeMs - a.info!.mtimeMs)
    .slice(FAILED_NOTEBOOKS_KEPT - 1);
  for (const folder of older) await rm(folder.path, { recursive: true, force: true }).catch(() => undefined);
}

// CSV and Excel per metric table, and the quarantined rows: they need the metrics and the cleaned data only.
async function writeFlatFiles(staging: string, metrics: MetricsDocument, quarantine: CleanedData['quarantine'], writeFile: RunEffects['files']['writeFile']): Promise<void> {
  const [{ tablesToCsv }, { tablesToXlsx }, { writeQuarantine }] = await Promise.all([
    import('./render/to-csv.js'),
    import('./render/to-xlsx.js'),
    import('./clean/write-quarantine.js'),
  ]);
  await writeFile(join(staging, 'metrics.xlsx'), await tablesToXlsx(metrics));
  for (const [name, text] of tablesToCsv(metrics)) await writeFile(join(staging, name), text);
  await writeQuarantine(join(staging, 'quarantine.csv'), quarantine);
}

async function renderHtml(engine: 'builtin' | 'quarto', pageFiles: ReportTemplatePaths, notebook: unknown, notebookPath: string, context: Parameters<typeof notebookToHtml>[1], readFile: RunEffects['files']['readFile'], signal: AbortSignal | undefined): Promise<string> {
  if (engine === 'builtin') return (await import('./render/render-report-html.js')).renderReportHtml(notebook, context, { ...pageFiles, signal });
  const htmlName = 'report.quarto.html';
  await (await import('./render/quarto.js')).renderWithQuarto(notebookPath, htmlName);
  const rendered = join(notebookPath, '..', htmlName);
  if (!existsSync(rendered)) throw new UptakeError('render', `quarto finished but wrote no ${htmlName}`);
  const html = Buffer.from(await readFile(rendered)).toString('utf8');
  await rm(rendered); // the caller writes it as report.html
  return html;
}

interface ManifestInput {
  options: RunOptions;
  input: string;
  week: string;
  inputs: Array<{ file: string; kind: string; bytes: number; sha256: string }>;
  data: CleanedData;
  metrics: MetricsDocument;
  startedAt: Date;
  finishedAt: Date;
  timingsMs: Partial<Record<Stage, number>>;
  /** Work that ran alongside other stages (see runStages), from its start until done. */
  overlappedMs: { kernel_start: number | null; browser_start: number | null; flat_files: number | null };
  engine: string;
}

// The manifest answers "what exactly produced this PDF?" months later.
function buildManifest(run: ManifestInput): Record<string, unknown> {
  const rows = Object.fromEntries(run.data.files.map((file) => [basename(file.file), file.rows]));
  const readAsIs = new Map((run.options.incompleteInputs?.readAsIs ?? []).map((file) => [file.file, `its end was not whole (${file.why}); read as it is after watch.incompleteMaxWaitMs`]));
  return {
    week: run.week,
    week_start: run.metrics.week_start,
    week_end: run.metrics.week_end,
    started_at: run.startedAt.toISOString(),
    finished_at: run.finishedAt.toISOString(),
    parameters: {
      week: run.options.week,
      input: run.input,
      config: run.options.configPath ?? null,
      deliver: run.options.deliver,
      warehouse: run.options.warehouse !== false,
      engine: run.engine,
      timezone: run.options.config.timezone,
      notebook_parameters: run.options.notebookParameters ?? {},
    },
    inputs: run.inputs.map((file) => ({ ...file, rows: rows[file.file] ?? null, ...(readAsIs.has(file.file) ? { read_as_is: readAsIs.get(file.file) } : {}) })),
    // A report built while an input file was still awaited says which one it was made without.
    inputs_left_out: run.options.incompleteInputs?.leftOut ?? [],
    accounting: run.data.accounting,
    quarantine_by_reason: run.data.quarantineByReason,
    alerts: run.metrics.tables.alerts.length,
    versions: {
      uptake: (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version,
      node: process.version,
      arquero: packageVersion('arquero', PROJECT_ROOT),
      'vega-lite': packageVersion('vega-lite', PROJECT_ROOT),
      vega: packageVersion('vega', PROJECT_ROOT),
      'puppeteer-core': packageVersion('puppeteer-core', PROJECT_ROOT),
      tslab: packageVersion('tslab', PROJECT_ROOT),
    },
    timings_ms: run.timingsMs,
    overlapped_ms: run.overlappedMs,
  };
}

// A report that went out is said to onReportDelivered; one that could not be noted (a full disk) is logged, and the
// delivery stands.
async function reportDelivered(effects: RunEffects, channel: 'email' | 'slack'): Promise<void> {
  try {
    await effects.onReportDelivered?.(channel);
  } catch (error) {
    effects.log(`    could not note that the report went out by ${channel}: ${(error as Error)?.message ?? String(error)}`);
  }
}

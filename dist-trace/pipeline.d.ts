import type { Config } from './config/schema.js';
import type { MetricsDocument } from './metrics/document.js';
import type { LoadEffects } from './report/load-report.js';
import type { LaunchBrowserOptions, ReportBrowser } from './render/browser.js';
import type { KernelClient } from './notebook/kernel-client.js';
import type { StartNotebookKernelOptions } from './notebook/start-notebook-kernel.js';
import type { DeliveryEffects } from './deliver/notify.js';
import type { WarehouseLoadResult } from './deliver/warehouse/tables.js';
import { type DeliveryChannels } from './deliver/resolve-channels.js';
import type { AlertRoutingResult } from './deliver/alert-routing.js';
export declare const DEFAULT_NOTEBOOK: string;
export interface RunOptions {
    config: Config;
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
}
/**
 * Everything a run does to the world outside its own memory comes in here, so a test can pass its
 * own clock, browser, kernel, mail transport or network. The CLI builds the real ones (cli/run-effects.ts).
 */
export interface RunEffects extends Required<LoadEffects> {
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
    browser: {
        launch(options: LaunchBrowserOptions): Promise<ReportBrowser>;
    };
    /** Starts the notebook's kernel (tslab). */
    kernel: {
        start(notebookPath: string, options: StartNotebookKernelOptions): Promise<KernelClient>;
    };
    /** Mail: the SMTP transport the report, the alerts and the failure notice are sent through. */
    mail: {
        createTransport: NonNullable<DeliveryEffects['createTransport']>;
    };
    /** Network: Slack and webhook posts. */
    network: {
        fetch: typeof fetch;
    };
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
}
export interface RunResult {
    week: string;
    outDir: string;
    files: string[];
    metrics: MetricsDocument;
    warehouse: WarehouseLoadResult[];
    delivered: {
        email: boolean;
        slack: boolean;
        alerts: AlertRoutingResult | null;
    };
    timingsMs: Record<string, number>;
}
/**
 * The whole weekly job: ingest and clean, metrics, notebook, HTML and PDF, flat files, the week's
 * folder written atomically, warehouse, then email and Slack. Nothing is delivered unless every
 * earlier stage succeeded.
 * @example await runReport({ config, week: 'latest', deliver: false }, runEffects())
 */
export declare function runReport(options: RunOptions, effects: RunEffects): Promise<RunResult>;
/**
 * Checks every setting a run will use, with the secrets the environment holds: the Slack webhook
 * and PostgreSQL URLs, the SMTP recipients and password (config-file settings such as hosts,
 * addresses and the cron were checked when the config was read). Throws UptakeError('config').
 * `watch` and `schedule` call it at start, `runReport` before each run.
 * @example checkRunSettings(config, { deliver: true, warehouse: true }, process.env)
 */
export declare function checkRunSettings(config: Config, use: {
    deliver: boolean;
    warehouse?: boolean;
}, env?: Record<string, string | undefined>): {
    channels: DeliveryChannels | null;
};
/**
 * Where a run whose notebook failed keeps the partial notebook (the staging folder it was in is removed).
 * @example failedNotebookPath('output', '2026-W47') // 'output/.uptake/failed/2026-W47/report.ipynb'
 */
export declare function failedNotebookPath(outRoot: string, week: string): string;

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UptakeError } from '../errors.js';
import { notebookToHtml, renderError, reportPage, TEMPLATE_COMPILE_OPTIONS, type NotebookToHtmlOptions, type ReportContext } from './to-html.js';

const WORKER_URL = new URL('./render-html-worker.js', import.meta.url);

/** How long the report template may take to render: as long as Chromium may take to print the page. */
export const RENDER_LIMIT_MS = 60_000;

export interface RenderReportHtmlOptions extends NotebookToHtmlOptions {
  /** Stops the render at once (a run aborted by a stop signal). */
  signal?: AbortSignal;
  /** Longest render before it is stopped (default RENDER_LIMIT_MS). */
  limitMs?: number;
}

// A template users edit runs as plain JavaScript: a loop over the cells within a loop over the cells ... took
// minutes, and a stop signal was not even heard until it ended (a run's abort waited for it, and so did systemd's
// stop). On its own thread it is stopped when the run is aborted, or once it has taken RENDER_LIMIT_MS.
/**
 * notebookToHtml on a thread of its own: the same page, or the same UptakeError; stopped by `signal` (rejecting
 * with its reason) or after `limitMs` (an UptakeError('render') naming the template).
 * @example const html = await renderReportHtml(executed, context, { signal: run.signal })
 */
export async function renderReportHtml(notebook: unknown, context: ReportContext, options: RenderReportHtmlOptions = {}): Promise<string> {
  const { signal, limitMs = RENDER_LIMIT_MS, ...pageOptions } = options;
  signal?.throwIfAborted();
  // from the TypeScript sources (the tests') there is no built thread module: the page is rendered here
  if (!existsSync(fileURLToPath(WORKER_URL))) return notebookToHtml(notebook, context, pageOptions);
  const { templatePath, source, data } = reportPage(notebook, context, pageOptions);
  const worker = new Worker(WORKER_URL, { workerData: { source, data, compileOptions: TEMPLATE_COMPILE_OPTIONS } });
  let stopped: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<string>((done, fail) => {
      stopped = () => fail(signal!.reason instanceof Error ? signal!.reason : new UptakeError('aborted', 'rendering the report page was stopped'));
      signal?.addEventListener('abort', stopped, { once: true });
      timer = setTimeout(
        () => fail(new UptakeError('render', `expected the Handlebars report template to render within ${limitMs / 1000} s, but it had not (a loop within a loop over the cells?): it was stopped`, { file: templatePath })),
        limitMs,
      );
      worker.on('message', (message: { html?: string; error?: string }) => (message.html !== undefined ? done(message.html) : fail(renderError(templatePath, new Error(message.error)))));
      worker.on('error', (error) => fail(renderError(templatePath, error))); // out of memory, say
      worker.on('exit', (code) => fail(new Error(`the thread rendering the report page stopped early (exit code ${code})`)));
    });
  } finally {
    clearTimeout(timer);
    if (stopped) signal?.removeEventListener('abort', stopped);
    await worker.terminate();
  }
}

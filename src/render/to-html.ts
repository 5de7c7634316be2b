import { stripVTControlCharacters } from 'node:util';
import Handlebars from 'handlebars';
import { z } from 'zod';
import { isSystemError, systemErrorText, UptakeError } from '../errors.js';
import { readRegularFileSync } from '../util/read-state-file.js';
import { escapeHtml, keepUnitsTogether, renderMarkdown } from './markdown.js';
import { sanitizeMarkup } from './sanitize-markup.js';
import { DEFAULT_CSS_PATH, DEFAULT_TEMPLATE_PATH } from './report-templates.js';
import { reportMoreAlertsSentence } from './front-page.js';

/** Cover data for the report page; every value is shown as text (escaped). */
export interface ReportContext {
  title: string;
  week: string;
  /** YYYY-MM-DD */
  weekStart: string;
  /** YYYY-MM-DD */
  weekEnd: string;
  headline: Array<{ label: string; value: string; detail?: string; direction?: 'up' | 'down' | 'flat'; tone?: 'better' | 'worse' | 'neutral' }>;
  /** When the report was made, as readers see it (see formatGeneratedAt). */
  generatedAt: string;
  /** Page 1's sentences, as markdown (rendered and sanitised here). */
  keyPoints?: string[];
  /** Page 1's alerts, most severe first (see frontPage). */
  alerts?: Array<{ severity: string; title: string; team: string; message: string }>;
  /** Alerts left off page 1. */
  moreAlerts?: number;
  /** Their severities (FrontPage.moreSeverities). */
  moreSeverities?: string;
}

export interface NotebookToHtmlOptions {
  /** Handlebars page template; defaults to templates/report.html.hbs. */
  templatePath?: string;
  /** Stylesheet inlined into the page; defaults to templates/report.css. */
  cssPath?: string;
}

export { DEFAULT_CSS_PATH, DEFAULT_TEMPLATE_PATH };

const multiline = z.union([z.string(), z.array(z.string())]).transform((text) => (Array.isArray(text) ? text.join('') : text));

const OutputSchema = z.discriminatedUnion('output_type', [
  z.object({ output_type: z.literal('stream'), name: z.string().default('stdout'), text: multiline }),
  z.object({
    output_type: z.enum(['display_data', 'execute_result']),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
  z.object({
    output_type: z.literal('error'),
    ename: z.string().default('Error'),
    evalue: z.string().default(''),
    traceback: z.array(z.string()).default([]),
  }),
]);
type Output = z.infer<typeof OutputSchema>;

const CellSchema = z.object({
  cell_type: z.enum(['code', 'markdown', 'raw']),
  source: multiline.default(''),
  metadata: z.object({ tags: z.array(z.string()).default([]) }).loose().default({ tags: [] }),
  outputs: z.array(z.unknown()).default([]),
});

const NotebookSchema = z.object({
  nbformat: z.literal(4),
  cells: z.array(CellSchema),
});

interface RenderedCell {
  kind: 'markdown' | 'code' | 'input';
  html: string;
}

// Read on every render, compiled once per content: a long-running `uptake schedule` or `uptake watch` kept the
// template and stylesheet it first read, whatever was edited since, until it was restarted.
const templates = new Map<string, { source: string; template: Handlebars.TemplateDelegate }>();

function readTemplateFile(path: string, what: string): string {
  try {
    return readRegularFileSync(path, `the ${what}`, 'render');
  } catch (error) {
    if (error instanceof UptakeError) throw error;
    // `templates` replaced by a file: "got a part of the path is not a folder (ENOTDIR)", not a bare ENOTDIR
    throw new UptakeError('render', `expected a readable ${what}, got ${isSystemError(error) ? systemErrorText(error) : String(error)}`, {
      file: path,
      cause: error,
    });
  }
}

/** How the report template is compiled (also on the thread that renders it: render-report-html.ts). */
// strict: a name the report does not give ({{titel}}) is an error, not an empty title on every page
export const TEMPLATE_COMPILE_OPTIONS = { strict: true } as const;

// Handlebars compiles lazily: a template edited into bad syntax, or naming a helper or partial that does not
// exist, failed only inside the first render, which Chromium's page-1 layout reported as its own failure.
/**
 * The report template at `path`, parsed now: bad syntax is an UptakeError('render') naming the file and line,
 * and so is an error while it renders (a missing helper or partial).
 * @example compiledTemplate('templates/report.html.hbs')({ title: 'AI adoption', week: '2026-W47' })
 */
function compiledTemplate(path: string, source = readTemplateFile(path, 'Handlebars report template')): Handlebars.TemplateDelegate {
  let template = templates.get(path)?.source === source ? templates.get(path)?.template : undefined;
  if (!template) {
    const handlebars = Handlebars.create();
    try {
      handlebars.parse(source);
    } catch (error) {
      const message = (error as Error).message;
      const line = /^Parse error on line (\d+)/.exec(message)?.[1];
      const got = message.split('\n').filter((part) => !/^(Parse error on line|\.\.\.|-*\^$)/.test(part)).join(' ').trim() || message;
      throw new UptakeError('render', `expected a Handlebars report template, got a syntax error: ${got}`, { file: path, line: line ? Number(line) : undefined, cause: error });
    }
    const compiled = handlebars.compile(source, TEMPLATE_COMPILE_OPTIONS);
    template = (context, options) => {
      try {
        return compiled(context, options);
      } catch (error) {
        throw renderError(path, error);
      }
    };
    templates.set(path, { source, template });
  }
  return template;
}

/**
 * The UptakeError('render') for a template that failed as it rendered, naming the file (and the line and the name
 * for a value the report does not give).
 * @example renderError('templates/report.html.hbs', new Error('Missing helper: "shout"')).message
 */
export function renderError(path: string, error: unknown): UptakeError {
  const message = (error as Error).message;
  // Handlebars' strict lookup: `"titel" not defined in [object Object] - 17:26`
  const missing = /^"(.*)" not defined in [\s\S]* - (\d+):\d+$/.exec(message);
  if (missing) {
    const names = Object.keys(templateData(SAMPLE_NOTEBOOK, SAMPLE_CONTEXT, '')).join(', ');
    return new UptakeError('render', `expected the Handlebars report template to use only the values the report gives it (${names}; and each item's own inside {{#each}}), got {{${missing[1]}}}, which is neither one of them nor a helper`, { file: path, line: Number(missing[2]), cause: error });
  }
  // strict lookups through a value that is not there: a `../` above the report's own values ({{../../cells}} at depth 1)
  const through = /^Cannot read properties of (?:undefined|null) \(reading '(.*)'\)$/.exec(message);
  if (through) return new UptakeError('render', `expected the Handlebars report template to use only the values the report gives it, got a path to ${through[1]} through a value that is not there (a \`../\` above the report's own values?)`, { file: path, cause: error });
  return new UptakeError('render', `expected the Handlebars report template to render, got: ${message}`, { file: path, cause: error });
}

// A report with every part the template may show: page 1's tiles with a detail and an arrow, its sentences, an
// alert and "more alerts", and a cell; rendered once before any work, so that a name the template misspells, or a
// helper or partial that does not exist, stops the run then, not after the notebook ran.
const SAMPLE_CONTEXT: ReportContext = {
  title: 'AI adoption report',
  week: '2026-W47',
  weekStart: '2026-11-16',
  weekEnd: '2026-11-22',
  headline: [{ label: 'Adoption', value: '42.0%', detail: '+1.2 pts', direction: 'up', tone: 'better' }],
  generatedAt: '23 November 2026, 06:00 UTC',
  keyPoints: ['Adoption rose to **42.0%**.'],
  alerts: [{ severity: 'high', title: 'Adoption dropped', team: 'Sales', message: 'Adoption fell 12 pts.' }],
  moreAlerts: 1,
  moreSeverities: '1 medium',
};
const SAMPLE_NOTEBOOK = { nbformat: 4, cells: [{ cell_type: 'markdown', source: '## Adoption' }] };

/**
 * Reads, parses and renders the report template (default templates/report.html.hbs) with a sample report, so a run
 * fails on a broken or missing one, or one naming a value, helper or partial that does not exist, before its notebook
 * runs. Throws UptakeError('render') naming the file (and the line, where Handlebars tells it).
 * @example checkReportTemplate() // throws: templates/report.html.hbs:70: expected a Handlebars report template, got a syntax error: …
 */
export function checkReportTemplate(templatePath: string = DEFAULT_TEMPLATE_PATH, cssPath: string = DEFAULT_CSS_PATH): void {
  compiledTemplate(templatePath)(templateData(SAMPLE_NOTEBOOK, SAMPLE_CONTEXT, stylesheet(cssPath)));
}

function stylesheet(path: string): string {
  // The stylesheet is ours, but it lands inside <style>: never let it close the element.
  return readTemplateFile(path, 'report stylesheet').replace(/<\/style/gi, '<\\/style');
}

/**
 * When a report was made, for readers: "4 December 2026, 20:33 UTC" (in the report's time zone).
 * @example formatGeneratedAt(new Date('2026-12-04T20:33:06Z'), 'UTC') // '4 December 2026, 20:33 UTC'
 */
export function formatGeneratedAt(instant: Date, timeZone = 'UTC'): string {
  const date = instant.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  const time = instant.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
  return `${date}, ${time} ${timeZone === 'UTC' || timeZone === 'Etc/UTC' ? 'UTC' : `(${timeZone})`}`;
}

const ARROWS = { up: '▲', down: '▼', flat: '►' } as const;
const MOVES = { up: 'up', down: 'down', flat: 'steady' } as const;

function longDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function mimeText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((line) => typeof line === 'string')) return value.join('');
  return undefined;
}

// One output per mime bundle, richest first: inline SVG, HTML, markdown, raster image, plain text.
function renderRichOutput(data: Record<string, unknown>, outputId: string): string {
  const svg = mimeText(data['image/svg+xml']);
  if (svg !== undefined) {
    return `<figure class="chart output">${sanitizeMarkup(svg, { idPrefix: `${outputId}-` })}</figure>`;
  }
  const html = mimeText(data['text/html']);
  if (html !== undefined) {
    const kind = /<table[\s>]/i.test(html) ? 'table-block' : 'html-output';
    return `<div class="${kind} output">${sanitizeMarkup(html, { idPrefix: `${outputId}-` })}</div>`;
  }
  const markdownText = mimeText(data['text/markdown']);
  if (markdownText !== undefined) return `<div class="markdown-output output">${renderMarkdown(markdownText)}</div>`;
  for (const mime of ['image/png', 'image/jpeg', 'image/gif'] as const) {
    const base64 = mimeText(data[mime]);
    if (base64 !== undefined && /^[a-z0-9+/=\s]+$/i.test(base64)) {
      const source = `data:${mime};base64,${base64.replace(/\s+/g, '')}`;
      return `<figure class="chart output"><img alt="" src="${source}"></figure>`;
    }
  }
  const plain = mimeText(data['text/plain']);
  if (plain !== undefined && plain.trim() !== '') {
    return `<pre class="text-output output">${escapeHtml(stripVTControlCharacters(plain))}</pre>`;
  }
  return '';
}

function renderOutput(output: Output, outputId: string): string {
  switch (output.output_type) {
    case 'stream':
      return `<pre class="stream stream-${escapeHtml(output.name)} output">${escapeHtml(stripVTControlCharacters(output.text))}</pre>`;
    case 'error': {
      const traceback = stripVTControlCharacters(output.traceback.join('\n'));
      const title = `${output.ename}: ${output.evalue}`;
      return (
        `<div class="error-box output" role="alert"><p class="error-title">${escapeHtml(stripVTControlCharacters(title))}</p>` +
        (traceback.trim() ? `<pre>${escapeHtml(traceback)}</pre>` : '') +
        '</div>'
      );
    }
    default:
      return renderRichOutput(output.data, outputId);
  }
}

function parseNotebook(notebook: unknown): z.infer<typeof NotebookSchema> {
  const parsed = NotebookSchema.safeParse(notebook);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `at ${issue.path.join('.')}` : 'at the top level';
    throw new UptakeError('render', `expected an executed nbformat 4 notebook, got an invalid one ${where}: ${issue.message}`);
  }
  return parsed.data;
}

function renderCells(notebook: z.infer<typeof NotebookSchema>): RenderedCell[] {
  const rendered: RenderedCell[] = [];
  notebook.cells.forEach((cell, cellIndex) => {
    const tags = new Set(cell.metadata.tags);
    if (tags.has('remove-cell')) return;
    if (cell.cell_type === 'markdown') {
      if (cell.source.trim()) rendered.push({ kind: 'markdown', html: renderMarkdown(cell.source) });
      return;
    }
    if (cell.cell_type !== 'code') return;
    const parts: string[] = [];
    const showInput = tags.has('show-input') && !tags.has('hide-input') && !tags.has('remove-input');
    if (showInput && cell.source.trim()) parts.push(`<pre class="input"><code>${escapeHtml(cell.source)}</code></pre>`);
    if (!tags.has('remove-output')) {
      cell.outputs.forEach((raw, outputIndex) => {
        const output = OutputSchema.safeParse(raw);
        if (output.success) parts.push(renderOutput(output.data, `c${cellIndex}o${outputIndex}`));
      });
    }
    const html = parts.filter(Boolean).join('\n');
    if (html) rendered.push({ kind: showInput ? 'input' : 'code', html });
  });
  return rendered;
}

/**
 * Turns an executed notebook into one self-contained HTML page: page 1 (week, dates, headline
 * tiles with their direction, the key sentences and the alerts), then the notebook's markdown and outputs. Code is hidden unless a cell is tagged
 * `show-input`; `hide-input` and `remove-cell` are honoured. No script runs and nothing is fetched.
 * @example
 * const html = notebookToHtml(executed, { title: 'AI adoption', week: '2026-W47', weekStart: '2026-11-16',
 *   weekEnd: '2026-11-22', headline: [{ label: 'Adoption', value: '42.0%' }], generatedAt: '2026-11-23 06:00 UTC' });
 */
export function notebookToHtml(notebook: unknown, context: ReportContext, options: NotebookToHtmlOptions = {}): string {
  const page = reportPage(notebook, context, options);
  return compiledTemplate(page.templatePath, page.source)(page.data);
}

/**
 * What notebookToHtml renders, ready for its template: the template's path and text (its syntax checked) and the
 * values it is given. Throws as notebookToHtml does before the template runs.
 * @example const { source, data } = reportPage(executed, context) // Handlebars.compile(source, TEMPLATE_COMPILE_OPTIONS)(data)
 */
export function reportPage(notebook: unknown, context: ReportContext, options: NotebookToHtmlOptions = {}): { templatePath: string; source: string; data: Record<string, unknown> } {
  const templatePath = options.templatePath ?? DEFAULT_TEMPLATE_PATH;
  const source = readTemplateFile(templatePath, 'Handlebars report template');
  compiledTemplate(templatePath, source); // its syntax
  return { templatePath, source, data: templateData(notebook, context, stylesheet(options.cssPath ?? DEFAULT_CSS_PATH)) };
}

// The values the page template sees (README: The report): each is always given, so that strict lookups fail only on
// a name the report never gives.
function templateData(notebook: unknown, context: ReportContext, css: string): Record<string, unknown> {
  const cells = renderCells(parseNotebook(notebook));
  return {
    title: context.title,
    week: context.week,
    weekStart: context.weekStart,
    weekEnd: context.weekEnd,
    weekStartLabel: longDate(context.weekStart),
    weekEndLabel: longDate(context.weekEnd),
    headline: context.headline.map(({ label, value, detail, direction, tone }) => ({
      label,
      value,
      detail,
      arrow: direction ? ARROWS[direction] : '',
      move: direction ? MOVES[direction] : '',
      tone: tone ?? 'neutral',
    })),
    generatedAt: context.generatedAt,
    keyPoints: (context.keyPoints ?? []).map((sentence) => renderMarkdown(keepUnitsTogether(sentence))),
    hasFrontPage: context.alerts !== undefined,
    alerts: (context.alerts ?? []).map((alert) => ({ ...alert, message: keepUnitsTogether(alert.message) })),
    moreAlerts: context.moreAlerts ?? 0,
    moreAlertsSentence: reportMoreAlertsSentence({ moreAlerts: context.moreAlerts ?? 0, moreSeverities: context.moreSeverities ?? '' }, context.alerts?.length ?? 0),
    css,
    cells,
  };
}

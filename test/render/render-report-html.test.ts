import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// the built modules: the page is rendered on a thread only where the thread's module is built
import { renderReportHtml } from '../../dist/render/render-report-html.js';
import { notebookToHtml, type ReportContext } from '../../dist/render/to-html.js';
import { UptakeError } from '../../dist/errors.js';

const notebook = JSON.parse(readFileSync(new URL('../fixtures/executed-notebooks/escaping-and-tags.ipynb', import.meta.url), 'utf8'));
const context: ReportContext = {
  title: 'AI adoption',
  week: '2026-W47',
  weekStart: '2026-11-16',
  weekEnd: '2026-11-22',
  headline: [{ label: 'Adoption', value: '42.0%', detail: '+1.2 pts', direction: 'up', tone: 'better' }],
  generatedAt: '23 November 2026, 06:00 UTC',
  alerts: [],
};
// twelve loops over the cells, each within the one before: more iterations than any run would wait for
const loops = `<main>${'{{#each @root.cells}}'.repeat(12)}.${'{{/each}}'.repeat(12)}</main>`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'uptake-render-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const template = (text: string) => {
  const path = join(dir, 'report.html.hbs');
  writeFileSync(path, text);
  return path;
};

describe('renderReportHtml: the report template on a thread the run can stop', () => {
  it('gives the page notebookToHtml gives, and its errors', async () => {
    expect(await renderReportHtml(notebook, context)).toBe(notebookToHtml(notebook, context));
    const misspelt = template('<h1>{{title}}</h1>\n{{weekStrat}}');
    await expect(renderReportHtml(notebook, context, { templatePath: misspelt })).rejects.toThrow(`${misspelt}:2: expected the Handlebars report template to use only the values the report gives it (title, `);
    const above = template('{{#each cells}}{{#each ../cells}}{{#each ../../cells}}{{kind}}{{/each}}{{/each}}{{/each}}');
    await expect(renderReportHtml(notebook, context, { templatePath: above })).rejects.toThrow(
      `${above}: expected the Handlebars report template to use only the values the report gives it, got a path to cells through a value that is not there (a \`../\` above the report's own values?)`,
    );
  });

  // a stop signal was not heard while the template looped (the run's abort, and systemd's stop, waited for it)
  it('is stopped at once by an abort, with its reason', async () => {
    const controller = new AbortController();
    const rendering = renderReportHtml(notebook, context, { templatePath: template(loops), signal: controller.signal });
    setTimeout(() => controller.abort(new UptakeError('aborted', 'stopped by SIGTERM')), 300);
    await expect(rendering).rejects.toThrow('stopped by SIGTERM');
  }, 30_000);

  it('is stopped past its time limit, naming the template', async () => {
    const path = template(loops);
    const error = await renderReportHtml(notebook, context, { templatePath: path, limitMs: 500 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UptakeError);
    expect((error as UptakeError).kind).toBe('render');
    expect((error as UptakeError).message).toBe(`${path}: expected the Handlebars report template to render within 0.5 s, but it had not (a loop within a loop over the cells?): it was stopped`);
  }, 30_000);
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReportTemplate, DEFAULT_CSS_PATH, formatGeneratedAt, notebookToHtml, type ReportContext } from '../../src/render/to-html.js';
import { UptakeError } from '../../src/errors.js';

const notebook = JSON.parse(
  readFileSync(new URL('../fixtures/executed-notebooks/escaping-and-tags.ipynb', import.meta.url), 'utf8'),
) as unknown;

const context: ReportContext = {
  title: 'AI adoption <script>alert("title")</script>',
  week: '2026-W47',
  weekStart: '2026-11-16',
  weekEnd: '2026-11-22',
  headline: [
    { label: 'Adoption', value: '42 %', detail: '+3.1 pts vs last week', direction: 'up', tone: 'better' },
    { label: 'Hours saved', value: '118.5 h', direction: 'down', tone: 'worse' },
    { label: 'Top team', value: '<script>alert("team")</script>' },
  ],
  generatedAt: '23 November 2026, 06:00 UTC',
  keyPoints: ['Adoption rose 3.1 points to 42 %; R&amp;D &lt;Labs&gt; dipped 14.2 points.', 'AI tasks saved **118.5** hours.'],
  alerts: [{ severity: 'high', title: 'Adoption dropped', team: 'R&D <Labs>', message: 'Adoption fell 14.2 points <b>now</b>' }],
  moreAlerts: 2,
  moreSeverities: '1 critical, 1 low',
};

const html = notebookToHtml(notebook, context);
const body = html.slice(html.indexOf('<main'));

describe('notebookToHtml', () => {
  it('has a CSP forbidding scripts and no script element or event handler anywhere', () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('references no external resource', () => {
    expect(html).not.toContain('tracker.example');
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*['"]?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import|<link\b/i);
    // Not even the SVG namespace URIs: the HTML parser does not need them.
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('shows page 1: escaped title, week, dates, tiles with direction and tone, key points, alerts', () => {
    expect(html).toContain('<h1 class="cover-title">AI adoption &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</h1>');
    expect(html).toContain('<time datetime="2026-11-16">16 November 2026</time> – <time datetime="2026-11-22">22 November 2026</time>');
    expect(html).toContain('<div class="kpi kpi-better">');
    expect(html).toContain('<div class="kpi-value"><span class="kpi-arrow" role="img" aria-label="up">▲</span> 42 %</div>');
    expect(html).toContain('<div class="kpi-value"><span class="kpi-arrow" role="img" aria-label="down">▼</span> 118.5 h</div>');
    expect(html).toContain('<div class="kpi-detail">+3.1 pts vs last week</div>');
    expect(html).toContain('<div class="kpi-value">&lt;script&gt;alert(&quot;team&quot;)&lt;/script&gt;</div>');
    expect(html.match(/class="kpi kpi-/g)).toHaveLength(3);
    expect(html).toContain('<li><p>Adoption rose 3.1 points to 42\u00a0%; R&amp;D &lt;Labs&gt; dipped 14.2 points.</p>\n</li>');
    expect(html).toContain('<strong>118.5</strong>');
    expect(html).toContain(
      '<tr class="alert-high"><td><span class="severity severity-high">high</span></td><td>Adoption dropped</td><td>R&amp;D &lt;Labs&gt;</td><td>Adoption fell 14.2 points &lt;b&gt;now&lt;/b&gt;</td></tr>',
    );
    expect(html).toContain('2 more alerts (1 critical, 1 low) are listed in the appendix.');
    expect(html).toContain('Generated 23 November 2026, 06:00 UTC');
    // Page 1 comes before the notebook body, alerts included.
    expect(html.indexOf('Alerts: what to look at')).toBeLessThan(html.indexOf('<main'));
  });

  it('counts one alert left off page 1 in the singular', () => {
    const one = notebookToHtml(notebook, { ...context, moreAlerts: 1, moreSeverities: '1 high' });
    expect(one).toContain('1 more alert (1 high) is listed in the appendix.');
    expect(one).not.toContain('alerts are');
  });

  it('does not say the appendix lists alerts it leaves out: past its bound, page 1 names the files holding every one', () => {
    // page 1 shows 1 alert and 177 more: the appendix lists 30 in all (APPENDIX_ALERTS), page 1's among them
    const many = notebookToHtml(notebook, { ...context, moreAlerts: 177, moreSeverities: '2 high, 175 low' });
    expect(many).toContain('177 more alerts (2 high, 175 low) are in metrics.xlsx and alerts.csv; the appendix lists the 29 most severe.');
    expect(many).not.toContain('listed in the appendix');
    const fitting = notebookToHtml(notebook, { ...context, moreAlerts: 29, moreSeverities: '29 low' });
    expect(fitting).toContain('29 more alerts (29 low) are listed in the appendix.');
  });

  it('says so when no alert fired, and formats the generation time for readers', () => {
    const quiet = notebookToHtml(notebook, { ...context, alerts: [], moreAlerts: 0 });
    expect(quiet).toContain('<p class="no-alerts">No alert fired this week.</p>');
    expect(formatGeneratedAt(new Date('2026-12-04T20:33:06.366Z'))).toBe('4 December 2026, 20:33 UTC');
    expect(formatGeneratedAt(new Date('2026-12-04T20:33:06.366Z'), 'Europe/Berlin')).toBe('4 December 2026, 21:33 (Europe/Berlin)');
  });

  it('hides code unless tagged show-input and drops remove-cell and raw cells', () => {
    expect(body).not.toContain('HIDDEN_SOURCE_MARKER');
    expect(body).not.toContain('INJECTED_SOURCE_MARKER');
    expect(body).not.toContain('HIDE_INPUT_SOURCE_MARKER');
    expect(body).toContain(
      `<pre class="input"><code>const shown = &#39;VISIBLE_SOURCE_MARKER&#39; + &#39;&lt;b&gt;&#39;;</code></pre>`,
    );
    expect(body).toContain(`<pre class="text-output output">&#39;VISIBLE_SOURCE_MARKER&lt;b&gt;&#39;</pre>`);
    for (const removed of ['REMOVED_SOURCE_MARKER', 'REMOVED_OUTPUT_MARKER', 'REMOVED_MARKDOWN_MARKER', 'RAW_CELL_MARKER']) {
      expect(body).not.toContain(removed);
    }
  });

  it('renders markdown cells with raw HTML escaped', () => {
    expect(body).toContain('<h1>Weekly AI adoption</h1>');
    expect(body).toContain('<p>Adoption <strong>rose</strong> in <em>Finance</em> this week.</p>');
    expect(body).toContain('A prompt read &lt;script&gt;alert(1)&lt;/script&gt; and another &lt;img src=x onerror=alert(2)&gt;.');
    expect(body).toContain('<a href="#top">details</a>');
  });

  it('escapes stream output and strips ANSI codes from streams and errors', () => {
    expect(body).toContain('<pre class="stream stream-stdout output">&lt;script&gt;alert(1)&lt;/script&gt;\nrows: 42\n</pre>');
    expect(body).toContain('<pre class="stream stream-stderr output">warning: slow query\n</pre>');
    expect(body).toContain(
      '<div class="error-box output" role="alert"><p class="error-title">TypeError: x is &lt;b&gt;bad&lt;/b&gt;</p>' +
        '<pre>TypeError: x is &lt;b&gt;bad&lt;/b&gt;\n    at cell 9</pre></div>',
    );
    expect(body).not.toContain('\u001b');
  });

  it('inlines SVG (preferred over text/plain) without scripts, handlers or remote images, ids made unique', () => {
    expect(body).not.toContain('PLAIN_FALLBACK_MARKER');
    expect(body).toContain(
      '<figure class="chart output"><svg class="marks" width="400" height="200" viewBox="0 0 400 200">',
    );
    expect(body).toContain('<text x="20" y="190">Team &lt;script&gt;alert(1)&lt;/script&gt;</text>');
    expect(body).toContain('<clipPath id="c5o0-clip1">');
    expect(body).toContain('clip-path="url(#c5o0-clip1)"');
    expect(body).toContain('<clipPath id="c5o1-clip1">');
    expect(body).toContain('SECOND_CHART_MARKER');
    expect(body).toContain('<image width="1" height="1"></image>');
  });

  it('keeps HTML tables (escaped text stays escaped, injected script and handler removed)', () => {
    expect(body).not.toContain('TABLE_PLAIN_FALLBACK');
    expect(body).toContain('<div class="table-block output"><table class="uptake-table"><caption>Adoption by team</caption>');
    expect(body).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(body).toContain('<td>Raw cell</td><td class="num">-14.2</td>');
  });

  it('renders text/markdown outputs and inlines PNG images as data URLs', () => {
    expect(body).toContain(
      '<div class="markdown-output output"><p><strong>MARKDOWN_OUTPUT_MARKER</strong> &lt;script&gt;alert(5)&lt;/script&gt;</p>\n</div>',
    );
    expect(body).toContain('<img alt="" src="data:image/png;base64,iVBORw0KGgo');
  });

  it('puts the cover before the notebook body', () => {
    expect(html.indexOf('class="cover"')).toBeLessThan(html.indexOf('<main class="report">'));
    expect(html.indexOf('<main class="report">')).toBeLessThan(html.indexOf('Weekly AI adoption'));
  });

  it('rejects something that is not an nbformat 4 notebook, naming the problem', () => {
    expect(() => notebookToHtml({ nbformat: 3, worksheets: [] }, context)).toThrow(UptakeError);
    expect(() => notebookToHtml({ nbformat: 4, cells: [{ cell_type: 'code', source: 7 }] }, context)).toThrow(
      /expected an executed nbformat 4 notebook, got an invalid one at cells\.0\.source/,
    );
  });
});

describe('a report template edited into one that cannot render', () => {
  const withTemplate = (text: string | null, check: (path: string) => void) => {
    const folder = mkdtempSync(join(tmpdir(), 'uptake-template-'));
    const path = join(folder, 'report.html.hbs');
    try {
      if (text !== null) writeFileSync(path, text);
      check(path);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  const caught = (work: () => unknown): UptakeError => {
    try {
      work();
    } catch (error) {
      return error as UptakeError;
    }
    throw new Error('expected an error');
  };

  it('is checked before anything renders, naming the file and the line of the syntax error', () => {
    withTemplate('<h1>{{title}}</h1>\n<p>\n{{#if week}} never closed\n', (path) => {
      const error = caught(() => checkReportTemplate(path, DEFAULT_CSS_PATH));
      expect(error).toBeInstanceOf(UptakeError);
      expect(error.kind).toBe('render');
      expect(error.message).toBe(`${path}:4: expected a Handlebars report template, got a syntax error: Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'`);
    });
  });

  it('says a helper it names does not exist, as the template\'s failure, before anything renders', () => {
    withTemplate('<p>Generated {{shout generatedAt}}</p>', (path) => {
      const error = caught(() => checkReportTemplate(path, DEFAULT_CSS_PATH));
      expect(error).toBeInstanceOf(UptakeError);
      expect(error.message).toBe(`${path}:1: expected the Handlebars report template to use only the values the report gives it (title, week, weekStart, weekEnd, weekStartLabel, weekEndLabel, headline, generatedAt, keyPoints, hasFrontPage, alerts, moreAlerts, moreAlertsSentence, css, cells; and each item's own inside {{#each}}), got {{shout}}, which is neither one of them nor a helper`);
      expect(caught(() => notebookToHtml(notebook, context, { templatePath: path })).message).toBe(error.message);
    });
  });

  // {{titel}} rendered as nothing: every page's title empty, and the report published and mailed so
  it('says a value it names that the report does not give, with its line, before anything renders', () => {
    withTemplate('<title>{{title}}</title>\n<h1>{{titel}}</h1>', (path) => {
      const error = caught(() => checkReportTemplate(path, DEFAULT_CSS_PATH));
      expect(error).toBeInstanceOf(UptakeError);
      expect(error.kind).toBe('render');
      expect(error.line).toBe(2);
      expect(error.message).toBe(
        `${path}:2: expected the Handlebars report template to use only the values the report gives it (title, week, weekStart, weekEnd, weekStartLabel, weekEndLabel, headline, generatedAt, keyPoints, hasFrontPage, alerts, moreAlerts, moreAlertsSentence, css, cells; and each item's own inside {{#each}}), got {{titel}}, which is neither one of them nor a helper`,
      );
    });
    withTemplate('{{#each headline}}<b>{{label}}</b> {{detial}}{{/each}}', (path) => {
      expect(() => checkReportTemplate(path, DEFAULT_CSS_PATH)).toThrow(`${path}:1: expected the Handlebars report template to use only the values the report gives it (`);
      expect(() => checkReportTemplate(path, DEFAULT_CSS_PATH)).toThrow('got {{detial}}, which is neither one of them nor a helper');
    });
  });

  it('takes every value the bundled template uses, also the optional ones left out of a report', () => {
    expect(() => checkReportTemplate()).not.toThrow();
    withTemplate('{{#each headline}}[{{label}}|{{detail}}|{{arrow}}]{{/each}} {{moreAlerts}} {{#each alerts}}{{team}}{{/each}}.', (path) => {
      const bare = { ...context, headline: [{ label: 'Adoption', value: '42.0%' }], alerts: undefined, moreAlerts: undefined };
      expect(notebookToHtml(notebook, bare, { templatePath: path })).toBe('[Adoption||] 0 .');
    });
  });

  it('is read again on each render: an edit reaches the next report of a long-running schedule or watch', () => {
    withTemplate('<h1>first {{week}}</h1>', (path) => {
      expect(notebookToHtml(notebook, context, { templatePath: path })).toBe('<h1>first 2026-W47</h1>');
      writeFileSync(path, '<h1>edited {{week}}</h1>');
      expect(notebookToHtml(notebook, context, { templatePath: path })).toBe('<h1>edited 2026-W47</h1>');
      writeFileSync(path, '<h1>{{#if week}}broken</h1>');
      expect(() => checkReportTemplate(path, DEFAULT_CSS_PATH)).toThrow(`${path}:1: expected a Handlebars report template, got a syntax error`);
    });
  });

  it('says a missing one is missing, and a templates folder that is a file, in words', () => {
    withTemplate(null, (path) => {
      expect(() => checkReportTemplate(path, DEFAULT_CSS_PATH)).toThrow(`${path}: expected a readable Handlebars report template, got no such file or directory (ENOENT)`);
      writeFileSync(join(path, '..', 'templates'), 'a file where the folder was\n');
      const inFile = join(path, '..', 'templates', 'report.html.hbs');
      expect(() => checkReportTemplate(inFile, DEFAULT_CSS_PATH)).toThrow(`${inFile}: expected a readable Handlebars report template, got a part of the path is not a folder (ENOTDIR)`);
    });
  });
});

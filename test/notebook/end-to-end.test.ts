import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNotebook, writeNotebook } from '../../src/notebook/nbformat.js';
import { parameterizeNotebook } from '../../src/notebook/parameterize.js';

// The CLI and the report notebooks run from a private build of the library (the notebooks
// import `../dist/index.js`), placed inside the project so node_modules resolve.
const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'notebooks');
const REPORT_INPUT = join(FIXTURES, 'report-input');
const SYSTEM_PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const KERNEL_TEST = 150_000;
let build: string;
let workDir: string;
/** A Jupyter data folder of the tests' own, where the kernel is registered as the README says. */
let jupyterData: string;
let kernelEnv: NodeJS.ProcessEnv;
const NOTEBOOKS = readdirSync(join(ROOT, 'notebooks')).filter((name) => name.endsWith('.ipynb')).sort();

beforeAll(() => {
  build = join(ROOT, '.uptake', `test-build-${randomBytes(4).toString('hex')}`);
  mkdirSync(join(build, 'notebooks'), { recursive: true });
  // tsc still emits when files outside this area have type errors; the checks below catch a broken build.
  spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(build, 'dist'), '--sourceMap', 'false', '--declarationMap', 'false'], { stdio: 'ignore' });
  copyFileSync(join(ROOT, 'package.json'), join(build, 'package.json'));
  for (const name of NOTEBOOKS) copyFileSync(join(ROOT, 'notebooks', name), join(build, 'notebooks', name));
  workDir = mkdtempSync(join(tmpdir(), 'uptake-e2e-'));
  // The documented registration (`npx uptake kernel install`), into a temporary Jupyter data folder so
  // the machine's own registration is untouched; nbclient below finds the kernel there.
  jupyterData = mkdtempSync(join(tmpdir(), 'uptake-jupyter-'));
  kernelEnv = { ...process.env, JUPYTER_DATA_DIR: jupyterData };
  execFileSync(process.execPath, [join(build, 'dist', 'cli', 'main.js'), 'kernel', 'install'], { env: kernelEnv, stdio: 'ignore', timeout: 60_000 });
}, 180_000);

afterAll(() => {
  if (build) rmSync(build, { recursive: true, force: true });
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  if (jupyterData) rmSync(jupyterData, { recursive: true, force: true });
});

function uptake(...args: string[]) {
  const result = spawnSync(process.execPath, [join(build, 'dist', 'cli', 'main.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 140_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Jupyter's own client: NotebookClient with the tslab kernel, the kernel running in `cwd`.
function nbclient(input: string, output: string, cwd: string): void {
  const script = [
    'import sys, nbformat',
    'from nbclient import NotebookClient',
    'nb = nbformat.read(sys.argv[1], as_version=4)',
    "NotebookClient(nb, kernel_name='tslab', timeout=120, startup_timeout=120, resources={'metadata': {'path': sys.argv[3]}}).execute()",
    'nbformat.write(nb, sys.argv[2])',
  ].join('\n');
  execFileSync(SYSTEM_PYTHON, ['-c', script, input, output, cwd], { env: kernelEnv, stdio: ['ignore', 'ignore', 'pipe'], timeout: 140_000 });
}

// Each notebook of notebooks/ runs under nbclient below with these parameters (small inputs, a fixed week).
async function nbclientNotebook(name: string, parameters: Record<string, unknown>): Promise<string> {
  const { notebook } = await parameterizeNotebook(await readNotebook(join(build, 'notebooks', name)), parameters);
  const input = join(build, 'notebooks', name.replace(/\.ipynb$/, '.nbclient.ipynb'));
  const out = join(workDir, name.replace(/\.ipynb$/, '-nbclient.ipynb'));
  await writeNotebook(input, notebook);
  nbclient(input, out, join(build, 'notebooks'));
  return out;
}
const NBCLIENT_PARAMETERS: Record<string, Record<string, unknown>> = {
  'weekly-report.ipynb': { week: '2026-W47', input: REPORT_INPUT, output: '' },
  'team-deep-dive.ipynb': { week: '2026-W47', input: REPORT_INPUT, team: '  legal ' },
  'explore.ipynb': { week: '2026-W47', input: REPORT_INPUT, team: 'FINANCE' },
};

type Output = Record<string, unknown>;
const outputsOf = (path: string): Output[] =>
  (JSON.parse(readFileSync(path, 'utf8')) as { cells: Array<{ outputs?: Output[] }> }).cells.flatMap((cell) => cell.outputs ?? []);
const joined = (value: unknown) => (Array.isArray(value) ? value.join('') : String(value));

function expectReport(path: string): void {
  const outputs = outputsOf(path);
  expect(outputs.filter((output) => output.output_type === 'error')).toEqual([]);
  const data = outputs.filter((output) => output.output_type === 'display_data').map((output) => output.data as Record<string, unknown>);
  // page 1's sentences (for notebook readers; the report prints them on its page 1), and the data caveats for the body
  const keyPoints = data.find((bundle) => joined(bundle['text/markdown'] ?? '').includes('Adoption'));
  expect(joined(keyPoints?.['text/markdown'])).toMatch(/^- Adoption (rose|fell|held steady)/);
  expect(data.some((bundle) => /^(Possible data gaps|Logging blind spots|\d+ input rows? (was|were) quarantined|People figures|Nothing to report)/.test(joined(bundle['text/markdown'] ?? '')))).toBe(true);
  const charts = data.filter((bundle) => bundle['application/vnd.vegalite.v5+json'] && bundle['image/svg+xml']);
  expect(charts.length).toBeGreaterThanOrEqual(3);
  for (const chart of charts) expect(joined(chart['image/svg+xml'])).toMatch(/^<svg/);
  // The task-type chart is drawn with Observable Plot: SVG and HTML, no Vega-Lite spec
  const plotted = data.filter((bundle) => !bundle['application/vnd.vegalite.v5+json'] && joined(bundle['image/svg+xml'] ?? '').startsWith('<svg'));
  expect(plotted.map((bundle) => joined(bundle['text/plain']))).toEqual([expect.stringMatching(/^Adoption by task type, 2026-W\d\d$/)]);
  expect(joined(plotted[0]['text/html'])).toBe(joined(plotted[0]['image/svg+xml']));
  expect(data.filter((bundle) => joined(bundle['text/html'] ?? '').includes('<table')).length).toBeGreaterThanOrEqual(4);
}

// A user's mistake in a notebook shows as the UptakeError's message alone: no stack frame in any output; returns the error output.
function expectMessageOnly(path: string): Output | undefined {
  const outputs = outputsOf(path);
  const error = outputs.find((output) => output.output_type === 'error');
  expect(error).toMatchObject({ ename: 'UptakeError' });
  const texts = outputs.flatMap((output) => [joined(output.text ?? ''), ...((output.traceback as string[] | undefined) ?? [])]);
  expect(texts.filter((text) => /^\s+at /m.test(text) || text.includes('kind:'))).toEqual([]);
  return error;
}

describe('uptake execute (CLI)', () => {
  it('exits 5 naming the failing cell and leaves the partial notebook', () => {
    const out = join(workDir, 'failing.ipynb');
    const result = uptake('execute', join(FIXTURES, 'failing.ipynb'), '--out', out);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('cell 1/3 (id c1, "console.log(\\"before\\");")');
    expect(result.stderr).toContain('uptake: ');
    expect(result.stderr).toContain('cell 2 (id c2, "// the broken step") failed: Error: boom at step 2; the partial notebook is in');
    expect(outputsOf(out).at(-1)).toMatchObject({ output_type: 'error', ename: 'Error', evalue: 'boom at step 2' });
    // a bug (any Error but an UptakeError) keeps its stack in the notebook
    expect(outputsOf(out).at(-1)?.traceback).toEqual(expect.arrayContaining(['Error: boom at step 2', expect.stringMatching(/^ {4}at evalmachine/)]));
    expect(result.stdout).toBe('');
  }, KERNEL_TEST);

  it('exits 2 on a value that does not fit the declared type, before starting a kernel', () => {
    const result = uptake('execute', join(FIXTURES, 'parameters.ipynb'), '-p', 'n=five', '--out', join(workDir, 'never.ipynb'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('uptake: parameter `n`: expected number, got `five`\n');
    const file = join(workDir, 'params.json');
    writeFileSync(file, JSON.stringify({ week: '2026-W47', n: 'five' }));
    const fromFile = uptake('execute', join(FIXTURES, 'parameters.ipynb'), '-f', file, '--out', join(workDir, 'never.ipynb'));
    expect([fromFile.code, fromFile.stderr]).toEqual([2, 'uptake: parameter `n`: expected number, got `"five"`\n']);
  });

  it('exits 9 when the kernelspec is missing', () => {
    const result = uptake('execute', join(FIXTURES, 'outputs.ipynb'), '--kernel', 'no-such-kernel', '--out', join(workDir, 'never.ipynb'));
    expect(result.code).toBe(9);
    expect(result.stderr).toContain('uptake: expected a Jupyter kernelspec named `no-such-kernel`, found none in');
  });

  it('runs the weekly report with -p week=2026-W47: narrative, charts and tables', () => {
    const out = join(workDir, 'weekly-report.ipynb');
    const result = uptake('execute', join(build, 'notebooks', 'weekly-report.ipynb'), '-p', 'week=2026-W47', '-p', `input=${REPORT_INPUT}`, '-p', `output=${workDir}`, '--out', out);
    expect(result.stderr).toContain('wrote');
    expect(result.code).toBe(0);
    expectReport(out);
    const metrics = JSON.parse(readFileSync(join(workDir, '2026-W47', 'metrics.json'), 'utf8')) as { week: string; week_start: string };
    expect([metrics.week, metrics.week_start]).toEqual(['2026-W47', '2026-11-16']);
  }, KERNEL_TEST);

  it('runs the team deep dive for -p team=Legal', () => {
    const out = join(workDir, 'legal.ipynb');
    const result = uptake('execute', join(build, 'notebooks', 'team-deep-dive.ipynb'), '-p', 'team=Legal', '-p', 'week=2026-W47', '-p', `input=${REPORT_INPUT}`, '--out', out);
    expect(result.code).toBe(0);
    const outputs = outputsOf(out);
    expect(outputs.filter((output) => output.output_type === 'error')).toEqual([]);
    const data = outputs.filter((output) => output.output_type === 'display_data').map((output) => output.data as Record<string, unknown>);
    expect(joined(data[0]['text/markdown'])).toBe('## Legal, 2026-W47\n\nCompared with all teams together.');
    expect(data.filter((bundle) => bundle['application/vnd.vegalite.v5+json'] && bundle['image/svg+xml']).length).toBeGreaterThanOrEqual(2);
  }, KERNEL_TEST);

  it('a bad week names the notebook parameter it was set in (`week`, `compareWith`); the CLI names --week', () => {
    const weeks = 'weeks available: 2026-W45, 2026-W46, 2026-W47';
    const badWeek = (name: string, ...parameters: string[]) => {
      const out = join(workDir, `bad-week-${name}`);
      const result = uptake('execute', join(build, 'notebooks', name), '-p', `input=${REPORT_INPUT}`, ...parameters.flatMap((parameter) => ['-p', parameter]), '--out', out);
      expect(result.code).toBe(5);
      expect(result.stderr).not.toContain('--week');
      expectMessageOnly(out);
      return result.stderr;
    };
    expect(badWeek('weekly-report.ipynb', 'week=2026-W99', 'output=')).toContain(`UptakeError: notebook parameter \`week\`: expected \`latest\` or an ISO week like 2026-W47, got \`2026-W99\`; ${weeks}`);
    expect(badWeek('team-deep-dive.ipynb', 'week=2026-W30')).toContain(`UptakeError: notebook parameter \`week\`: expected a week that holds data, got \`2026-W30\`; ${weeks}`);
    expect(badWeek('explore.ipynb', 'week=2026-W99')).toContain(`UptakeError: notebook parameter \`week\`: expected \`latest\` or an ISO week like 2026-W47, got \`2026-W99\`; ${weeks}`);
    expect(badWeek('explore.ipynb', 'week=2026-W47', 'compareWith=2026-W30')).toContain(`UptakeError: notebook parameter \`compareWith\`: expected a week that holds data, got \`2026-W30\`; ${weeks}`);
    const out = join(workDir, 'bad-team.ipynb');
    const typo = uptake('execute', join(build, 'notebooks', 'team-deep-dive.ipynb'), '-p', `input=${REPORT_INPUT}`, '-p', 'team=Finanse', '--out', out);
    expect(typo.code).toBe(5);
    expect(expectMessageOnly(out)).toEqual({
      output_type: 'error',
      ename: 'UptakeError',
      evalue: 'expected `team` to be one of Finance, Legal, got "Finanse"',
      traceback: ['UptakeError: expected `team` to be one of Finance, Legal, got "Finanse"'],
    });
    const cli = uptake('metrics', '--input', REPORT_INPUT, '--week', '2026-W30');
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`\nuptake: --week: expected a week that holds data, got \`2026-W30\`; ${weeks}\n`);
  }, 4 * KERNEL_TEST);
});

// Where a comparison or a chart cannot be made, each notebook says so in a sentence. The data: `uptake generate`'s
// 2026-W40 to 2026-W42 (2026-W40 its first week, none before it to compare with), less the manual export of 2026-W42
// (a week without manual tasks), plus Treasury, six users with AI tasks in 2026-W41 only (a team with no tasks in
// 2026-W40, before its first, nor in 2026-W42, after its last).
describe('every notebook runs for the first week, a week without manual tasks and a team without tasks that week', () => {
  let edgeInput: string;
  beforeAll(() => {
    edgeInput = join(workDir, 'edge-input');
    expect(uptake('generate', '--out', edgeInput, '--weeks', '3', '--end-week', '2026-W42').code).toBe(0);
    for (const name of readdirSync(edgeInput).filter((file) => file.startsWith('manual_logs_2026-W42'))) rmSync(join(edgeInput, name));
    const users = ['t01', 't02', 't03', 't04', 't05', 't06'];
    writeFileSync(join(edgeInput, 'ai_logs_treasury.csv'), ['event_id,user_id,team,task_type,started_at,ended_at,status,accuracy,harmful', ...users.map((user, index) => `tr-${user},${user},Treasury,invoice_matching,2026-10-0${6 + (index % 3)}T1${index}:00:00Z,2026-10-0${6 + (index % 3)}T1${index}:20:00Z,completed,0.9,false`)].join('\n') + '\n');
    writeFileSync(join(edgeInput, 'user_monthly_summary_treasury.csv'), ['user_id,team,month,timezone,licensed,tasks_total,ai_tasks_total', ...users.map((user) => `${user},Treasury,2026-10,UTC,true,1,1`)].join('\n') + '\n');
    // exported an hour ago: no wait for files still being written (inputSettle)
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const name of readdirSync(edgeInput)) utimesSync(join(edgeInput, name), anHourAgo, anHourAgo);
  }, 60_000);

  function executed(name: string, ...parameters: string[]) {
    const out = join(workDir, `edge-${name.replace(/\.ipynb$/, '')}-${parameters.join('-').replace(/[^\w-]/g, '_')}.ipynb`);
    const result = uptake('execute', join(build, 'notebooks', name), '-p', `input=${edgeInput}`, ...parameters.flatMap((parameter) => ['-p', parameter]), '--out', out);
    expect(result.stderr).not.toContain('failed');
    expect(result.code).toBe(0);
    const outputs = outputsOf(out);
    expect(outputs.filter((output) => output.output_type === 'error')).toEqual([]);
    const data = outputs.filter((output) => output.output_type === 'display_data').map((output) => output.data as Record<string, unknown>);
    return {
      out,
      streams: outputs.filter((output) => output.output_type === 'stream').map((output) => joined(output.text)),
      sentences: data.filter((bundle) => bundle['text/markdown'] !== undefined).map((bundle) => joined(bundle['text/markdown'])),
      tables: data.filter((bundle) => joined(bundle['text/html'] ?? '').startsWith('<div class="uptake-table">')).map((bundle) => joined(bundle['text/plain'])),
      plots: data.filter((bundle) => joined(bundle['text/html'] ?? '').startsWith('<figure')).map((bundle) => joined(bundle['text/plain'])),
      vegaLite: data.filter((bundle) => bundle['application/vnd.vegalite.v5+json']).map((bundle) => joined(bundle['text/plain'])),
    };
  }

  it('explore.ipynb: a sentence instead of the comparison in the first week, and instead of the counts and charts of a slice with no tasks', () => {
    const first = executed('explore.ipynb', 'week=2026-W40', 'team=treasury');
    expect(first.streams).toContain('2026-W40 (2026-09-28 to 2026-10-04): 0 tasks of Treasury\n');
    expect(first.tables.map((table) => table.split('\n')[0])).toEqual(['Every cleaned task', 'Adoption by team, Treasury and all teams, 2026-W40']);
    // the team parameter limits the report's adoption table: Treasury has no row that week, all teams' stays
    expect(first.tables[1].split('\n').filter((line) => /^\|[^:|]/.test(line) && !line.startsWith('|team|')).map((line) => line.split('|')[1])).toEqual(['*']);
    expect(first.sentences).toEqual([
      'No tasks of Treasury in 2026-W40: nothing to count or draw.',
      'Treasury has no row in the adoption table of 2026-W40 (no tasks that week): all teams only.',
      'No week before 2026-W40 in the data to compare with.',
    ]);
    expect([first.plots, first.vegaLite]).toEqual([[], []]);

    const noManual = executed('explore.ipynb', 'week=2026-W42');
    // counts read as in the report (column-catalog's formatCount): with thousands separators
    expect(noManual.streams).toEqual(['6,017 tasks in 3 weeks, 2026-W40 to 2026-W42\n', '2026-W42 (2026-10-12 to 2026-10-18): 1,403 tasks of all teams\n']);
    expect(noManual.tables[0].split('\n').at(-1)).toBe('first 5 of 6,017 rows, 15 columns');
    expect(noManual.sentences).toEqual([]);
    expect(noManual.tables.map((table) => table.split('\n')[0])).toEqual(['Every cleaned task', 'Tasks per team and source, 2026-W42', 'Adoption by team, 2026-W42', 'Adoption by task type, all teams, 2026-W42 against 2026-W41']);
    const counts = noManual.tables[1].split('\n');
    expect(counts[1]).toBe('|team|ai_logs|manual_logs|');
    expect(counts.find((line) => line.startsWith('|Finance|'))).toMatch(/^\|Finance\|[1-9]\d*\|0\|$/);
    expect(noManual.plots).toEqual(['Tasks per day, 2026-W42', 'Tasks per task type, 2026-W42', 'Adoption by task type, all teams, 2026-W41 → 2026-W42']);
    expect(noManual.vegaLite).toEqual(['Task duration (minutes), 2026-W42']);
  }, 2 * KERNEL_TEST);

  it('team-deep-dive.ipynb: a team with no tasks that week (before its first, after its last) is that team, said so; the first week has none before it', () => {
    const before = executed('team-deep-dive.ipynb', 'week=2026-W40', 'team=treasury');
    expect(before.sentences).toEqual(['## Treasury, 2026-W40\n\nCompared with all teams together.', 'Treasury has no tasks in 2026-W40.', 'No week before 2026-W40 in the data to compare with.', 'No gaps and no alerts for this team this week.']);
    const after = executed('team-deep-dive.ipynb', 'week=2026-W42', 'team=Treasury');
    expect(after.sentences).toEqual(['## Treasury, 2026-W42\n\nCompared with all teams together.', 'Treasury has no tasks in 2026-W42.', 'No gaps and no alerts for this team this week.']);
    expect(after.vegaLite.length).toBeGreaterThanOrEqual(2);
    // an empty team picks the busiest, and the heading says it was picked
    const picked = executed('team-deep-dive.ipynb', 'week=2026-W42', 'team=');
    expect(picked.sentences[0]).toMatch(/^## [A-Z][\w ]+, 2026-W42\n\nCompared with all teams together \(the team with the most tasks this week: set `team` to choose another\)\.$/);
    // a team below the privacy minimum: its tables' footnote quotes the minimum, as the report's do
    const withheld = executed('team-deep-dive.ipynb', 'week=2026-W42', 'team=internal audit');
    expect(withheld.sentences).toContain('This team has fewer users than the privacy threshold this week: its measures are withheld.');
    const footnotes = outputsOf(withheld.out).flatMap((output) => [...joined((output.data as Record<string, unknown> | undefined)?.['text/html'] ?? '').matchAll(/† Withheld: [^<]*/g)].map((match) => match[0]));
    expect(new Set(footnotes)).toEqual(new Set(['† Withheld: the group has fewer than 5 users this period, so its figures are not shown (privacy).']));
    expect(footnotes.length).toBe(3);
  }, 4 * KERNEL_TEST);

  it('weekly-report.ipynb: the first week, and a week without manual tasks', () => {
    const first = executed('weekly-report.ipynb', 'week=2026-W40', 'output=');
    expect(first.sentences.find((sentence) => sentence.startsWith('- Adoption'))).toMatch(/^- Adoption stood at \d+ %, with no measurable previous week to compare\./);
    expect(first.vegaLite.slice(0, 3)).toEqual(['Adoption rate by week', 'Cumulative hours saved', 'Accuracy stability (ASI) by month']);
    // no alert fired: no empty alerts table for notebook readers, one sentence saying so
    const tables = outputsOf(first.out).map((output) => joined((output.data as Record<string, unknown> | undefined)?.['text/html'] ?? '')).filter((html) => html.includes('<table'));
    expect(tables.filter((html) => html.includes('<tbody></tbody>'))).toEqual([]);
    expect(first.sentences.filter((sentence) => sentence === 'No alert fired this week.')).toHaveLength(1);
    expectReport(executed('weekly-report.ipynb', 'week=2026-W42', 'output=').out);
  }, 2 * KERNEL_TEST);
});

describe("Jupyter's nbclient runs the notebooks with the tslab kernel", () => {
  it('uses the kernel registered by `uptake kernel install`: node and tslab by absolute path', () => {
    const listed = JSON.parse(execFileSync('jupyter', ['kernelspec', 'list', '--json'], { env: kernelEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { kernelspecs: Record<string, { resource_dir: string; spec: { argv: string[] } }> };
    expect(listed.kernelspecs.tslab.resource_dir).toBe(join(jupyterData, 'kernels', 'tslab'));
    expect(listed.kernelspecs.tslab.spec.argv.slice(0, 2)).toEqual([process.execPath, join(ROOT, 'node_modules', 'tslab', 'bin', 'tslab')]);
  });

  it('has parameters for every notebook in notebooks/', () => {
    expect(Object.keys(NBCLIENT_PARAMETERS).sort()).toEqual(NOTEBOOKS);
  });

  it('runs explore.ipynb: tables, Plot charts, a Vega-Lite chart, two weeks compared', async () => {
    const out = await nbclientNotebook('explore.ipynb', NBCLIENT_PARAMETERS['explore.ipynb']);
    const outputs = outputsOf(out);
    expect(outputs.filter((output) => output.output_type === 'error')).toEqual([]);
    const streams = outputs.filter((output) => output.output_type === 'stream').map((output) => joined(output.text));
    expect(streams).toContain('2026-W47 (2026-11-16 to 2026-11-22): 120 tasks of Finance\n');
    const data = outputs.filter((output) => output.output_type === 'display_data').map((output) => output.data as Record<string, unknown>);
    const tables = data.filter((bundle) => joined(bundle['text/html'] ?? '').startsWith('<div class="uptake-table">'));
    expect(tables.map((bundle) => joined(bundle['text/plain']).split('\n')[0])).toEqual([
      'Every cleaned task',
      'Tasks per team and source, 2026-W47',
      'Adoption by team, Finance and all teams, 2026-W47',
      'Adoption by task type, Finance, 2026-W47 against 2026-W46',
    ]);
    expect(joined(tables[1]['text/plain'])).toContain('|Finance|');
    expect(joined(tables[1]['text/plain'])).not.toContain('|Legal|');
    // the report's adoption table, limited to the team parameter's team beside all teams
    const teamsShown = (table: Record<string, unknown>) => joined(table['text/plain']).split('\n').filter((line) => /^\|[^:|]/.test(line) && !line.startsWith('|team|')).map((line) => line.split('|')[1]);
    expect(teamsShown(tables[2])).toEqual(['*', 'Finance']);
    const plots = data.filter((bundle) => joined(bundle['text/html'] ?? '').startsWith('<figure'));
    expect(plots.map((bundle) => joined(bundle['text/plain']))).toEqual(['Tasks per day, 2026-W47', 'Tasks per task type, 2026-W47', 'Adoption by task type, Finance, 2026-W46 → 2026-W47']);
    for (const plot of plots) expect(joined(plot['text/html'])).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    const vegaLite = data.filter((bundle) => bundle['application/vnd.vegalite.v5+json']);
    expect(vegaLite.map((bundle) => joined(bundle['text/plain']))).toEqual(['Task duration (minutes), 2026-W47']);
    expect(joined(vegaLite[0]['image/svg+xml'])).toMatch(/^<svg/);
  }, KERNEL_TEST);

  it('runs team-deep-dive.ipynb for team="  legal " (trimmed, case-insensitive)', async () => {
    const out = await nbclientNotebook('team-deep-dive.ipynb', NBCLIENT_PARAMETERS['team-deep-dive.ipynb']);
    const outputs = outputsOf(out);
    expect(outputs.filter((output) => output.output_type === 'error')).toEqual([]);
    const data = outputs.filter((output) => output.output_type === 'display_data').map((output) => output.data as Record<string, unknown>);
    expect(joined(data[0]['text/markdown'])).toBe('## Legal, 2026-W47\n\nCompared with all teams together.');
    expect(data.filter((bundle) => bundle['application/vnd.vegalite.v5+json'] && bundle['image/svg+xml']).length).toBeGreaterThanOrEqual(2);
    expect(data.filter((bundle) => joined(bundle['text/html'] ?? '').includes('<table')).length).toBeGreaterThanOrEqual(2);
  }, KERNEL_TEST);

  it('runs a notebook parameterized by uptake: the hostile string stays a string', async () => {
    const { notebook } = await parameterizeNotebook(await readNotebook(join(FIXTURES, 'parameters.ipynb')), {}, { textParameters: { week: '"; process.exit(1); "', n: '7' } });
    const input = join(workDir, 'parameters-in.ipynb');
    const out = join(workDir, 'parameters-nbclient.ipynb');
    await writeNotebook(input, notebook);
    nbclient(input, out, FIXTURES);
    const streams = outputsOf(out).filter((output) => output.output_type === 'stream');
    expect(JSON.parse(joined(streams.at(-1)?.text))).toMatchObject({ week: '"; process.exit(1); "', n: 7, types: ['string', 'number', 'boolean'] });
  }, KERNEL_TEST);

  it('runs weekly-report.ipynb', async () => {
    expectReport(await nbclientNotebook('weekly-report.ipynb', NBCLIENT_PARAMETERS['weekly-report.ipynb']));
  }, KERNEL_TEST);

  const sample = join(ROOT, 'data', 'sample');
  it('runs weekly-report.ipynb on the bundled sample data', async () => {
    const { notebook } = await parameterizeNotebook(await readNotebook(join(build, 'notebooks', 'weekly-report.ipynb')), { week: 'latest', input: sample, output: join(workDir, 'sample-output') });
    const input = join(build, 'notebooks', 'weekly-report.sample.ipynb');
    const out = join(workDir, 'weekly-report-sample.ipynb');
    await writeNotebook(input, notebook);
    nbclient(input, out, join(build, 'notebooks'));
    expectReport(out);
  }, KERNEL_TEST);
});

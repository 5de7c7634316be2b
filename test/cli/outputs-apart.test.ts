import { beforeAll, describe, expect, test } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csv, inputFolder } from '../helpers/input-folder.js';
import { makeFifo, undoneAfterEach } from '../helpers/special-files.js';
import { runCli } from '../helpers/run-cli.js';

// The built CLI as a user runs it, from `cwd`.
const uptake = (args: string[], cwd?: string) => runCli(args, { cwd });

const { folder } = undoneAfterEach('uptake-apart-cli-');

const EXPORT = csv('event_id,user_id,team,task_type,started_at,duration_sec,status', 'e1,u1,Finance,invoice_matching,2026-11-17T09:00:00Z,60,success', 'e2,,Finance,invoice_matching,2026-11-17T10:00:00Z,60,success');
let input: string;
beforeAll(() => {
  input = inputFolder({ 'ai_logs_a.csv': EXPORT });
});

describe('an output that is an input file is refused before anything is written', () => {
  test('`validate --quarantine INPUT/ai_logs_a.csv` is exit 2 naming both, and the export is unchanged', async () => {
    const target = join(input, 'ai_logs_a.csv');
    const result = await uptake(['validate', '--input', input, '--quarantine', target]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`uptake: expected --quarantine to be apart from the input, but ${target} is the input file ${target}; name another path\n`);
    expect(readFileSync(target, 'utf8')).toBe(EXPORT);
  });

  test('`execute NOTEBOOK` whose default output (output/<notebook name>) is the notebook itself is exit 2, and the notebook is unchanged', async () => {
    const dir = folder();
    const notebook = join(dir, 'output', 'n.ipynb');
    mkdirSync(join(dir, 'output'));
    const text = JSON.stringify({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    writeFileSync(notebook, text);
    const result = await uptake(['execute', 'output/n.ipynb', '-p', 'week=2026-W47'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`uptake: expected the default --out (output/<notebook name>) to be apart from the input, but output/n.ipynb is the input file output/n.ipynb; name another path\n`);
    expect(readFileSync(notebook, 'utf8')).toBe(text);
  });

  test('`run --out INPUT/ai_logs_x.csv` (a new folder named like input, in the input folder) is exit 2, and nothing is made there', async () => {
    const target = join(input, 'ai_logs_x.csv');
    const result = await uptake(['run', '--input', input, '--out', target, '--no-deliver']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`uptake: expected --out to be apart from the input, but ${target} is in the input folder ${input}, where the next run would read it as input; name another path\n`);
    expect(existsSync(target)).toBe(false);
  });

  test('`run --out INPUT_FILE` is exit 2 before the lock or the run log is written', async () => {
    const target = join(input, 'ai_logs_a.csv');
    const result = await uptake(['run', '--input', input, '--out', target, '--no-deliver']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`uptake: expected --out to be apart from the input, but ${target} is the input file ${target}; name another path\n`);
    expect(readFileSync(target, 'utf8')).toBe(EXPORT);
  });

  test('a warehouse DuckDB file in the input folder named like input, or a FIFO, is refused before the run works (2, then 12)', async () => {
    const dir = folder();
    const out = join(dir, 'out');
    const config = join(dir, 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ warehouse: { duckdbPath: join(input, 'ai_logs_warehouse.csv') } }));
    const named = await uptake(['run', '--input', input, '--out', out, '--config', config, '--no-deliver']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain(`expected \`warehouse.duckdbPath\` to be apart from the input, but ${join(input, 'ai_logs_warehouse.csv')} is in the input folder`);
    const fifo = join(dir, 'warehouse.duckdb');
    makeFifo(fifo);
    writeFileSync(config, JSON.stringify({ warehouse: { duckdbPath: fifo } }));
    const piped = await uptake(['run', '--input', input, '--out', out, '--config', config, '--no-deliver']);
    expect(piped.code).toBe(12);
    expect(piped.stderr).toBe(`uptake: ${fifo}: expected the warehouse, a DuckDB file, got a named pipe (FIFO); move it away or name another path\n`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(input)).toEqual(['ai_logs_a.csv', 'manual_logs_empty.csv', 'user_monthly_summary_empty.csv']);
  });

  test('a store file named like input in the input folder is exit 2 (a rebuild would set the export aside)', async () => {
    const target = join(input, 'ai_logs_a.csv');
    const result = await uptake(['store', 'rebuild', '--input', input, '--store', target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`uptake: expected the store to be apart from the input, but ${target} is the input file ${target}; name another path\n`);
    expect(readdirSync(input)).toEqual(['ai_logs_a.csv', 'manual_logs_empty.csv', 'user_monthly_summary_empty.csv']);
  });

  test('`run --out PARENT` where the input folder is a week folder of PARENT, or a link named like a week leads to it, is exit 2, and every export stays', async () => {
    const dir = folder();
    const week = join(dir, 'exports', '2026-W47');
    cpSync(input, week, { recursive: true });
    const byName = await uptake(['run', '--input', week, '--out', join(dir, 'exports'), '--week', '2026-W47', '--no-deliver', '--no-store']);
    expect(byName.code).toBe(2);
    expect(byName.stderr).toBe(`uptake: expected --out to be apart from the input, but its week folder ${week} is or holds the input folder ${week}, and a run replaces its week folder whole; name another path\n`);
    expect(readdirSync(week)).toEqual(['ai_logs_a.csv', 'manual_logs_empty.csv', 'user_monthly_summary_empty.csv']);
    // a link of a week's name to the input folder, or to a folder that holds it, whatever the week reported
    const out = join(dir, 'out');
    mkdirSync(out);
    symlinkSync(join(dir, 'exports'), join(out, '2026-W40'));
    const byLink = await uptake(['run', '--input', week, '--out', out, '--no-deliver', '--no-store']);
    expect(byLink.code).toBe(2);
    expect(byLink.stderr).toBe(`uptake: expected --out to be apart from the input, but its week folder ${join(out, '2026-W40')} is or holds the input folder ${week}, and a run replaces its week folder whole; name another path\n`);
    expect(readdirSync(week)).toEqual(['ai_logs_a.csv', 'manual_logs_empty.csv', 'user_monthly_summary_empty.csv']);
  });
});

describe('a week folder a run did not publish is never replaced', () => {
  test('`run` whose week folder is a link to a folder of other files is exit 12 naming the link and its files, before ingest when the week is named; the files stay', async () => {
    const dir = folder();
    const [out, other] = [join(dir, 'out'), join(dir, 'other')];
    mkdirSync(out);
    mkdirSync(other);
    writeFileSync(join(other, 'important.txt'), 'keep me');
    symlinkSync(other, join(out, '2026-W47'));
    const result = await uptake(['run', '--input', input, '--out', out, '--week', '2026-W47', '--no-deliver', '--no-store']);
    expect(result.code).toBe(12);
    // a week named up front is checked before any work
    expect(result.stderr).not.toContain('[1/7] ingest');
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      `uptake: ${join(out, '2026-W47')}: expected the week folder to be missing or the report of 2026-W47 uptake published (with its manifest.json), got a link to ${other}, a folder holding important.txt; nothing was replaced: move those files away, or have the run write elsewhere (--out or \`output\`)`,
    );
    expect(readdirSync(other)).toEqual(['important.txt']);
    expect(readFileSync(join(other, 'important.txt'), 'utf8')).toBe('keep me');
  });

  test('a week folder holding another tool\'s manifest.json is refused the same way; one uptake published is replaced', async () => {
    const dir = folder();
    const out = join(dir, 'out');
    const week = join(out, '2026-W47');
    mkdirSync(week, { recursive: true });
    writeFileSync(join(week, 'manifest.json'), JSON.stringify({ files: ['precious.csv'] }));
    writeFileSync(join(week, 'precious.csv'), 'a,b\n');
    const refused = await uptake(['run', '--input', input, '--out', out, '--week', '2026-W47', '--no-deliver', '--no-store', '--no-warehouse']);
    expect(refused.code).toBe(12);
    expect(refused.stderr.trim().split('\n').at(-1)).toContain("a folder holding manifest.json, precious.csv, whose manifest.json is not a report of 2026-W47 by uptake; nothing was replaced");
    expect(readdirSync(week).sort()).toEqual(['manifest.json', 'precious.csv']);
    // uptake's own report of the week (its manifest names the week and the uptake that wrote it) is replaced
    writeFileSync(join(week, 'manifest.json'), JSON.stringify({ week: '2026-W47', versions: { uptake: '0.0.9' } }));
    const replaced = await uptake(['run', '--input', input, '--out', out, '--week', '2026-W47', '--no-deliver', '--no-store', '--no-warehouse']);
    expect(replaced.code).toBe(0);
    expect(readdirSync(week)).not.toContain('precious.csv');
    expect(JSON.parse(readFileSync(join(week, 'manifest.json'), 'utf8')).week).toBe('2026-W47');
  }, 60_000);
});

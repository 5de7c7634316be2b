import { cpSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { storedTask } from '../../src/store/stored-tasks.js';
import { runCli } from '../helpers/run-cli.js';

// `uptake store check` and doctor's `store` check, on a store the sample fills, then changed by hand as a DBA or
// another tool might: rows deleted and copied, a kept blob removed.
const dir = mkdtempSync(join(tmpdir(), 'uptake-store-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SAMPLE = ['--input', 'data/sample', '--week', '2026-W47', '--json'];
const store = join(dir, 'store.duckdb');

// A copy of the filled store (and its blobs) to change.
function copyOf(name: string): string {
  const path = join(dir, name);
  cpSync(store, path);
  cpSync(`${store}.rows`, `${path}.rows`, { recursive: true });
  return path;
}

beforeAll(async () => {
  expect((await runCli(['metrics', ...SAMPLE, '--store', store])).code).toBe(0);
}, 120_000);

describe('uptake store check', () => {
  it('finds a store as the last run left it whole: exit 0, each comparison equal', async () => {
    const result = await runCli(['store', 'check', '--store', store]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("checked the ledger's rows of 16 log files against store_rows: equal");
    expect(result.stdout).toContain("checked each week's task count (store_week_facts) against store_tasks, 8 weeks: equal");
    expect(result.stdout).toContain('checked the kept weeks\' facts, 8: each as kept');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('the store is as uptake left it');
    const json = JSON.parse((await runCli(['store', 'check', '--store', store, '--json'])).stdout);
    expect([json.problems, json.repairable]).toEqual([[], []]);
  });

  it('names every count that no longer adds up after rows were deleted and copied by hand, exit 12 asking for a rebuild', async () => {
    const changed = copyOf('changed.duckdb');
    const engine = await openStore(changed);
    let expected: { week: string; weekTasks: number; manual: number; file: string; fileRows: number };
    try {
      // three manual tasks of 2026-W45 deleted; two rows of one AI file copied
      const [facts] = await engine.all("SELECT tasks FROM store_week_facts WHERE week = '2026-W45'");
      const [{ manual }] = await engine.all("SELECT count(*) AS manual FROM store_tasks WHERE source = 'manual_logs'");
      const [{ file, rows }] = await engine.all("SELECT file, count(*) AS rows FROM store_rows WHERE source = 'ai_logs' GROUP BY file ORDER BY file LIMIT 1");
      expected = { week: '2026-W45', weekTasks: Number(facts.tasks), manual: Number(manual), file: String(file), fileRows: Number(rows) };
      const monday = Date.UTC(2026, 10, 2);
      await engine.run(`DELETE FROM store_tasks WHERE rowid IN (SELECT rowid FROM store_tasks WHERE source = 'manual_logs' AND started_at >= ${monday} AND started_at < ${monday + 7 * 86_400_000} ORDER BY rowid LIMIT 3)`);
      await engine.run('INSERT INTO store_rows SELECT * FROM store_rows WHERE file = $1 ORDER BY ordinal LIMIT 2', [expected.file]);
    } finally {
      await engine.close();
    }
    const result = await runCli(['store', 'check', '--store', changed]);
    expect(result.code).toBe(12);
    const fmt = (n: number) => n.toLocaleString('en-US');
    expect(result.stdout).toContain(`  manual tasks: the account says ${fmt(expected.manual)}, the tables hold ${fmt(expected.manual - 3)}\n`);
    expect(result.stdout).toContain(`  ${expected.file}: ${fmt(expected.fileRows)} readable rows in the ledger, ${fmt(expected.fileRows + 2)} in store_rows\n`);
    expect(result.stdout).toContain(`  2026-W45: its facts were computed from ${fmt(expected.weekTasks)} tasks, store_tasks holds ${fmt(expected.weekTasks - 3)}\n`);
    expect(result.stdout).toContain('reports from this store may differ from a full recompute');
    expect(result.stderr).toContain(`counts of the store's tables do not add up (changed outside uptake); run \`uptake store rebuild --store ${changed}\``);
  });

  it("says so of an account that is no longer JSON, where a run's own reading would stop", async () => {
    const garbled = copyOf('garbled.duckdb');
    const engine = await openStore(garbled);
    await engine.run("UPDATE store_meta SET value = '{not json' WHERE key = 'account'");
    await engine.close();
    const result = await runCli(['store', 'check', '--store', garbled]);
    expect(result.code).toBe(12);
    expect(result.stdout).toContain("  store_meta's account is not the JSON a run writes: its counts cannot be compared\n");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("a run over a store whose store_meta or pass-through text was changed by hand stops with exit 12 naming it, not a crash", async () => {
    const garbled = copyOf('garbled-run.duckdb');
    const engine = await openStore(garbled);
    await engine.run("UPDATE store_meta SET value = '{not json' WHERE key = 'account'");
    await engine.close();
    const result = await runCli(['metrics', ...SAMPLE, '--store', garbled]);
    expect(result.code).toBe(12);
    expect(result.stderr).toContain(`uptake: ${garbled}: expected store_meta's \`account\` to be what a run writes, got "{not json" (changed outside uptake); run \`uptake store rebuild --store ${garbled}\``);
    const stored = { source: ['ai_logs'], task_id: ['e1'], user_id: ['u1'], team: [null], task_type: ['t'], started_at: [0], duration_ms: [null], status: ['completed'], accuracy: [null], harmful: [null], fragments: [1], prompt: [null], tool_version: [null], pass_through: ['{"client_os": "mac"'] };
    expect(() => storedTask(stored, 0)).toThrow('expected store_tasks\' pass_through to be the JSON a run writes, got "{\\"client_os\\": \\"mac\\"" (changed outside uptake)');
    expect(storedTask({ ...stored, pass_through: ['{"client_os":"mac"}'] }, 0).passThrough).toEqual({ client_os: 'mac' });
  });

  it('tells of a kept blob gone as what the next run repairs (exit 0), and that run reports as a run without the store', async () => {
    const lost = copyOf('lost.duckdb');
    const engine = await openStore(lost);
    let key: string;
    try {
      [{ facts_key: key }] = (await engine.all("SELECT facts_key FROM store_week_facts WHERE week = '2026-W44'")) as Array<{ facts_key: string }>;
    } finally {
      await engine.close();
    }
    expect(readdirSync(`${lost}.rows`)).toContain(key);
    unlinkSync(join(`${lost}.rows`, key));
    const result = await runCli(['store', 'check', '--store', lost]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("checked the kept weeks' facts, 8: 1 missing, 0 damaged");
    expect(result.stdout).toContain("  the weeks' facts of 2026-W44 missing: the next run computes them again from their stored tasks\n");
    const [next, scratch] = [await runCli(['metrics', ...SAMPLE, '--store', lost]), await runCli(['metrics', ...SAMPLE])];
    expect(next.stdout).toBe(scratch.stdout);
    expect((await runCli(['store', 'check', '--store', lost])).stdout).toContain("checked the kept weeks' facts, 8: each as kept");
  });

  it("doctor's store check passes on a whole store and fails with exit 12 on one changed by hand", async () => {
    const output = join(dir, 'doctor-output');
    const config = join(dir, 'uptake.config.json');
    writeFileSync(config, JSON.stringify({ input: join(process.cwd(), 'data/sample'), output }));
    const doctor = () => execa('node', [join(process.cwd(), 'dist/cli/main.js'), 'doctor', '--config', config, '--quick'], { reject: false });
    const none = await doctor();
    expect(none.stdout).toContain(`store      none yet at ${join(output, '.uptake', 'store.duckdb')} (the first run creates it)`);
    const runStore = join(output, '.uptake', 'store.duckdb');
    cpSync(store, runStore);
    cpSync(`${store}.rows`, `${runStore}.rows`, { recursive: true });
    const whole = await doctor();
    expect(whole.stdout).toMatch(/ok +store +\S+store\.duckdb: its tables add up \(kept blobs: `uptake store check`\)/);
    const engine = await openStore(runStore);
    await engine.run("UPDATE store_meta SET value = '1' WHERE key = 'tasks'");
    await engine.close();
    const changed = await doctor();
    expect(changed.stdout).toMatch(/FAIL +store +\S+store\.duckdb: a count of its tables does not add up \(changed outside uptake\), e\.g\. tasks: store_meta says 1, store_tasks holds /);
    expect(changed.exitCode).toBe(12);
  }, 120_000);
});

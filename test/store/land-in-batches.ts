import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, expect } from 'vitest';
import { TEST_POSTGRES_URL, connectTestPostgres } from '../helpers/test-postgres.js';
import { cleanInput } from '../../src/clean/clean-input.js';
import type { CleanedData } from '../../src/clean/types.js';
import type { TaskValues } from '../../src/clean/task-table.js';
import { parseConfig } from '../../src/config/read-config.js';
import type { Config } from '../../src/config/schema.js';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import type { GeneratedFile } from '../../src/generate/types.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { cleanWithStore, type StoreRunSummary } from '../../src/store/clean-with-store.js';
import { openStore } from '../../src/store/open-store.js';
import { rebuildStore } from '../../src/store/rebuild-store.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export const config = parseConfig({});
/** The run's clock, pinned: a week after the generated data ends. */
export const NOW = Date.parse('2026-11-30T12:00:00Z');

/** What a run shows the user: the metrics document and the validate accounting, as bytes. */
export function outcome(data: CleanedData, runConfig: Config = config): string {
  const { accounting, quarantineByReason, repairs, stitchedFragments, durationsDropped, teamsFilled, labelMapping, files, rosterConflicts, quarantine } = data;
  return JSON.stringify({ tasks: data.tasks.objects(), roster: data.roster.objects(), metrics: computeMetrics(data, runConfig, 'latest'), accounting, quarantineByReason, repairs, stitchedFragments, durationsDropped, teamsFilled, labelMapping, files, rosterConflicts, quarantine: quarantine.records() });
}

export const weekOf = (file: GeneratedFile) => /W\d\d/.exec(file.name)?.[0] ?? 'roster';

/** Lands the weeks in `order`, `size` weeks at a time, into one input folder and one store; after each landing, store and scratch runs agree. */
export async function landInBatches(files: GeneratedFile[], order: string[], size: number, holdBack: string[] = [], store = join(tempDir('uptake-store-'), 'store.duckdb')): Promise<Array<{ read: number; skipped: number }>> {
  const input = tempDir('uptake-store-input-');
  const write = (file: GeneratedFile) => writeFileSync(join(input, file.name), file.content);
  for (const file of files) if (weekOf(file) === 'roster' && !holdBack.includes(file.name)) write(file);
  const summaries: Array<{ read: number; skipped: number }> = [];
  for (let start = 0; start < order.length; start += size) {
    const weeks = order.slice(start, start + size);
    for (const file of files) if (weeks.includes(weekOf(file))) write(file);
    if (start + size >= order.length) for (const file of files) if (holdBack.includes(file.name)) write(file);
    const engine = await openStore(store);
    try {
      const { data, summary } = await cleanWithStore(engine, input, config, { now: NOW });
      summaries.push({ read: summary.read, skipped: summary.skipped });
      expect(outcome(data)).toBe(outcome(await cleanInput(input, config, { now: NOW })));
    } finally {
      await engine.close();
    }
  }
  return summaries;
}

/** Files to write into the input folder (name -> content), or to remove from it (name -> null). */
export type InputEdits = Record<string, string | Uint8Array | null>;

export interface Landed {
  /** The store run's data (equal, as outcome(), to the scratch run's). */
  data: CleanedData;
  summary: StoreRunSummary;
}

/** The cleaning a landing runs: this source's, or the build's (dist/, whose reader runs on worker threads). */
export interface CleaningCore {
  cleanInput: typeof cleanInput;
  cleanWithStore: typeof cleanWithStore;
  openStore: typeof openStore;
}
const SOURCE_CORE: CleaningCore = { cleanInput, cleanWithStore, openStore };

export interface LandingOptions {
  /** The runs' clock (each `land` may pass its own). */
  now?: number;
  /** The store run reads files over this much text in chunks (UPTAKE_READ_CHUNK_BYTES), the scratch run whole. */
  chunkBytes?: number;
  /** The runs' config (default: the defaults). */
  config?: Config;
  /** Reader threads of both runs (threads need `core` from dist/). */
  workers?: number;
  core?: CleaningCore;
}

/**
 * One input folder and one store fed step by step: each `land` applies its edits to the folder, cleans it
 * through the store and from scratch, expects the two outcomes to be the same bytes and the log files read
 * to be those with new bytes (all of them when the run says why), and gives the store run.
 * @example const { land } = landing(); const { data } = await land({ 'ai_logs_a.csv': text })
 */
export function landing(store: string = join(tempDir('uptake-store-'), 'store.duckdb'), { now = NOW, chunkBytes, workers, core = SOURCE_CORE, config: runConfig = config }: LandingOptions = {}) {
  const input = tempDir('uptake-store-input-');
  let step = 0;
  const contents = new Map<string, string>();
  /** `clock`: this run's; `rereads`: stored files the last run flagged to be read again (a start or an end past its clock). */
  const land = async (edits: InputEdits, { clock = now, rereads = 0 }: { clock?: number; rereads?: number } = {}): Promise<Landed> => {
    step += 1;
    // log files whose bytes are new to the folder: the only ones a run may read (unless it says why it reads all)
    let changed = 0;
    for (const [name, content] of Object.entries(edits)) {
      if (content === null) {
        unlinkSync(join(input, name));
        contents.delete(name);
        continue;
      }
      const text = Buffer.from(content).toString('latin1');
      if (!name.startsWith('user_monthly_summary') && contents.get(name) !== text) changed += 1;
      contents.set(name, text);
      writeFileSync(join(input, name), content);
    }
    const engine = await core.openStore(store);
    try {
      // the run that lands the edits asks for the latest week's report, which the store computes from its kept
      // weekly facts and the window's tasks: it must equal computeMetrics over every task of a scratch run
      const scratchData = await core.cleanInput(input, runConfig, { now: clock, workers });
      const expected = (() => {
        try {
          return JSON.stringify(computeMetrics(scratchData, runConfig, 'latest'));
        } catch (error) {
          return `error: ${(error as Error).message}`;
        }
      })();
      const landed = await withChunkBytes(chunkBytes, () => core.cleanWithStore(engine, input, runConfig, { now: clock, workers }, { week: 'latest' })).catch((error: Error) => error);
      if (landed instanceof Error) expect(`error: ${landed.message}`, `step ${step}: the store's report fails as the scratch one does`).toBe(expected);
      else {
        const report = JSON.stringify(landed.report!.metrics);
        if (report !== expected) expect(JSON.parse(report), `step ${step}: the store's report equals the scratch one's`).toEqual(JSON.parse(expected));
        expect(report, `step ${step}: the store's report equals the scratch one's, byte for byte`).toBe(expected);
      }
      // a second run, with nothing new, gives every task: the cleaned data equals the scratch run's
      const { data } = await withChunkBytes(chunkBytes, () => core.cleanWithStore(engine, input, runConfig, { now: clock, workers }));
      // (a report that failed, as the scratch one did, still committed its cleaning: its summary is not known)
      const summary = landed instanceof Error ? null : landed.summary;
      const [stored, scratch] = [outcome(data, runConfig), outcome(scratchData, runConfig)];
      // parsed first, so that a difference shows as a diff of the values that differ, not of two long strings
      if (stored !== scratch) expect(JSON.parse(stored), `step ${step}: the store run's outcome equals the scratch run's`).toEqual(JSON.parse(scratch));
      expect(stored, `step ${step}: the store run's outcome equals the scratch run's, byte for byte`).toBe(scratch);
      // new bytes are always read, and nothing else but flagged files unless the run says why it reads every file
      if (summary) {
        expect(summary.read, `step ${step}: log files read`).toBeGreaterThanOrEqual(changed);
        if (summary.rereadAll === undefined) expect(summary.read, `step ${step}: log files read`).toBe(changed + rereads + (summary.zoneRereads ?? 0));
      }
      return { data, summary: summary ?? { read: 0, skipped: 0, removed: 0 } };
    } finally {
      await engine.close();
    }
  };
  return { input, store, land };
}

// UPTAKE_READ_CHUNK_BYTES for the length of one call, restored after.
async function withChunkBytes<T>(chunkBytes: number | undefined, run: () => Promise<T>): Promise<T> {
  if (chunkBytes === undefined) return run();
  const setting = process.env.UPTAKE_READ_CHUNK_BYTES;
  process.env.UPTAKE_READ_CHUNK_BYTES = String(chunkBytes);
  try {
    return await run();
  } finally {
    if (setting === undefined) delete process.env.UPTAKE_READ_CHUNK_BYTES;
    else process.env.UPTAKE_READ_CHUNK_BYTES = setting;
  }
}

/** A cleaned task as plain values (a table row's), for asserting the value that matters. */
export type TaskRow = Omit<TaskValues, 'tool_version' | 'passThrough'>;

/** The run's tasks by task id (ids are unique per source: manual ones are prefixed `manual:`). */
export function tasksById(data: CleanedData): Map<string, TaskRow> {
  const rows = data.tasks.objects() as unknown as TaskRow[];
  return new Map(rows.map((row) => [row.source === 'manual_logs' ? `manual:${row.task_id}` : row.task_id, row]));
}

/** The one task with this id, or a failed expectation naming the ids there are. */
export function taskOf(data: CleanedData, id: string): TaskRow {
  const task = tasksById(data).get(id);
  expect(task, `a task ${id} among ${[...tasksById(data).keys()].join(', ')}`).toBeDefined();
  return task!;
}

/** CSV text from a header and rows (each row already comma-joined), ending with a newline. */
export const csv = (header: string, rows: string[]) => `${[header, ...rows].join('\n')}\n`;
export const AI_HEADER = 'event_id,user_id,team,task_type,started_at,ended_at,status,accuracy,harmful,prompt';
export const MANUAL_HEADER = 'task_id,user_id,team,task_type,started_at,ended_at';
export const ROSTER_HEADER = 'user_id,team,month,timezone,licensed,tasks_total,ai_tasks_total';
export const MINUTE_MS = 60_000;

/** An instant as the ISO text a log file carries. */
export const iso = (ms: number) => new Date(ms).toISOString();

/** One ai_logs row (AI_HEADER's columns); a blank team is filled from the roster. */
export function aiRow(row: { id: string; user: string; type: string; start: string; end?: string; status?: string; accuracy?: string; harmful?: string; prompt?: string; team?: string }): string {
  return [row.id, row.user, row.team ?? '', row.type, row.start, row.end ?? '', row.status ?? 'success', row.accuracy ?? '0.9', row.harmful ?? 'false', row.prompt ?? `${row.id} prompt`].join(',');
}

/** One manual_logs row (MANUAL_HEADER's columns). */
export const manualRow = (row: { id: string; user: string; type: string; start: string; end?: string; team?: string }) => [row.id, row.user, row.team ?? '', row.type, row.start, row.end ?? ''].join(',');

/** A roster file: every user in `team` for `month`, in `zone`, licensed. */
export const rosterOf = (month: string, users: string[], team = 'Finance', zone = 'UTC') => csv(ROSTER_HEADER, users.map((user) => `${user},${team},${month},${zone},true,10,5`));

/** The files every scenario needs besides its own: two manual tasks (weeks 47 and 48) and November's roster of u1..u6. */
export const BASE_FILES: InputEdits = {
  'manual_logs_base.csv': csv(MANUAL_HEADER, [
    manualRow({ id: 'm0', user: 'u1', type: 'invoice_matching', start: '2026-11-16T09:00:00Z', end: '2026-11-16T09:30:00Z' }),
    // data past week 47, so that the metrics' `latest` week is complete whatever a scenario holds
    manualRow({ id: 'm00', user: 'u1', type: 'invoice_matching', start: '2026-11-24T09:00:00Z', end: '2026-11-24T09:30:00Z' }),
  ]),
  'user_monthly_summary_2026-11.csv': rosterOf('2026-11', ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']),
};

let postgres: pg.Client | undefined;
const schemas: string[] = [];
afterAll(async () => {
  if (!postgres) return;
  for (const schema of schemas.splice(0)) await postgres.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
  await postgres.end().catch(() => undefined);
  postgres = undefined;
});

/**
 * A new, empty PostgreSQL store on the test server: a schema of its own (dropped after the file's tests), named in the URL.
 * @example const { land } = landing(await postgresStore())
 */
export async function postgresStore(): Promise<string> {
  postgres ??= await connectTestPostgres();
  const schema = `uptake_narrow_${randomBytes(5).toString('hex')}`;
  await postgres.query(`CREATE SCHEMA "${schema}"`);
  schemas.push(schema);
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('options', `-csearch_path=${schema}`);
  return url.toString();
}

/** The store engines a scenario runs against, each making a new empty store. */
export const STORES: Array<[engine: string, newStore: () => Promise<string>]> = [
  ['DuckDB', async () => join(tempDir('uptake-store-'), 'store.duckdb')],
  ['PostgreSQL', postgresStore],
];

/**
 * A rebuild of the store at `location` stopped by an input file it cannot read: the first AI log of `files` (in
 * `input`) gzipped and cut short, as a copy that stopped half-way; the rebuild fails with exit 3 in its last batch
 * (batches of 20,000 bytes). The file is put back as it was before this returns.
 * @example await rebuildStoppedByACutFile(store, files, input)
 */
export async function rebuildStoppedByACutFile(location: string, files: GeneratedFile[], input: string): Promise<void> {
  const cut = files.find((file) => file.name.startsWith('ai_logs_'))!;
  const gzipped = gzipSync(cut.content);
  writeFileSync(join(input, `${cut.name}.gz`), gzipped.subarray(0, gzipped.length >> 1));
  rmSync(join(input, cut.name));
  try {
    const failing = await openStore(location, { rebuild: true });
    try {
      await expect(rebuildStore(failing, input, config, { now: NOW }, 20_000)).rejects.toMatchObject({ kind: 'input' });
    } finally {
      await failing.close();
    }
  } finally {
    writeFileSync(join(input, cut.name), cut.content);
    rmSync(join(input, `${cut.name}.gz`));
  }
}

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import { writeDataset } from '../../src/generate/write-dataset.js';
import type { GeneratedDataset, GeneratedFile } from '../../src/generate/types.js';

const small = { seed: 7, users: 24, weeks: 4, endWeek: '2026-W47' };
const dataset = generateDataset(small);

const text = (file: GeneratedFile): string => {
  const bytes = file.name.endsWith('.gz') ? gunzipSync(file.content) : Buffer.from(file.content);
  return bytes.toString('utf8');
};
const records = (file: GeneratedFile): string[][] => parse(text(file), { bom: true, relax_column_count: true, skip_empty_lines: false });
const normalize = (header: string): string =>
  header.trim().replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[\s-]+/g, '_');
const ALIASES: Record<string, string> = {
  id: 'id', event_id: 'id', log_id: 'id', task_id: 'id', ticket_id: 'id',
  user_id: 'user_id', uid: 'user_id', user: 'user_id',
  started_at: 'started_at', start_time: 'started_at', start_ts: 'started_at', timestamp: 'started_at',
  status: 'status', state: 'status', outcome: 'status',
  accuracy: 'accuracy', accuracy_score: 'accuracy', accuracy_pct: 'accuracy_pct',
  prompt: 'prompt', prompt_text: 'prompt', query: 'prompt',
};
const STATUS_WORDS = new Set(['completed', 'complete', 'success', 'done', 'abandoned', 'cancelled', 'canceled', 'timeout', 'error', 'failed', 'failure']);
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?|\d{9,13})$/;

// Reads the files back with a real CSV parser and redoes the accounting from what they hold.
function accountFromFiles(files: GeneratedFile[], source: string) {
  let rowsRead = 0;
  let quarantined = 0;
  const reasons: Record<string, number> = {};
  const kept = new Map<string, Record<string, string>>();
  let keptRows = 0;
  for (const file of files.filter((candidate) => candidate.name.startsWith(source))) {
    const [header, ...rows] = records(file);
    const columns = header.map((name) => ALIASES[normalize(name)] ?? normalize(name));
    expect(rows.length).toBe(file.rows);
    for (const row of rows) {
      rowsRead++;
      const value = (column: string): string => (row[columns.indexOf(column)] ?? '').trim();
      let reason: string | null = null;
      if (row.length > header.length) reason = 'field_count';
      else if (value('id') === '') reason = 'missing_id';
      else if (value('user_id') === '') reason = 'missing_user_id';
      else if (value('started_at') === '') reason = 'missing_started_at';
      else if (!TIMESTAMP.test(value('started_at')) || Number.isNaN(Date.parse(value('started_at').replace(' ', 'T').replace(/^(\d+)$/, '1970-01-01')))) reason = 'invalid_started_at';
      else if (source === 'ai_logs' && value('status') === '') reason = 'missing_status';
      else if (source === 'ai_logs' && !STATUS_WORDS.has(value('status').toLowerCase())) reason = 'unknown_status';
      else if (source === 'ai_logs') {
        const accuracy = columns.includes('accuracy_pct') ? Number(value('accuracy_pct') || 'NaN') / 100 : Number(value('accuracy') || 'NaN');
        if (!Number.isNaN(accuracy) && (accuracy < 0 || accuracy > 1)) reason = 'accuracy_out_of_range';
      }
      if (reason) {
        quarantined++;
        reasons[reason] = (reasons[reason] ?? 0) + 1;
        continue;
      }
      keptRows++;
      kept.set(value('id'), { user: value('user_id'), prompt: value('prompt') });
    }
  }
  // Prompts are unique per task except retries: each (user, prompt) group of n rows is one attempt.
  const attempts = new Map<string, number>();
  for (const { user, prompt } of kept.values()) if (prompt) attempts.set(`${user}\u0000${prompt}`, (attempts.get(`${user}\u0000${prompt}`) ?? 0) + 1);
  const retryDuplicates = [...attempts.values()].reduce((sum, size) => sum + size - 1, 0);
  return { rowsRead, quarantined, exactDuplicates: keptRows - kept.size, retryDuplicates, rowsInTasks: kept.size - retryDuplicates, reasons };
}

describe('generateDataset', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateDataset(small);
    expect(again.files.map((file) => file.name)).toEqual(dataset.files.map((file) => file.name));
    again.files.forEach((file, index) => expect(Buffer.compare(Buffer.from(file.content), Buffer.from(dataset.files[index].content))).toBe(0));
    expect(JSON.stringify(again.truth)).toBe(JSON.stringify(dataset.truth));
    const other = generateDataset({ ...small, seed: 8 });
    expect(text(other.files[0])).not.toBe(text(dataset.files[0]));
    expect(other.truth.accounting.ai_logs).not.toEqual(dataset.truth.accounting.ai_logs);
  });

  it('writes weekly exports of both logs, monthly rosters, gzip and drifted headers', () => {
    const names = dataset.files.map((file) => file.name);
    expect(names).toEqual([
      'ai_logs_2026-W44.csv', 'ai_logs_2026-W45.csv', 'ai_logs_2026-W46.csv.gz', 'ai_logs_2026-W47.csv',
      'manual_logs_2026-W44.csv', 'manual_logs_2026-W45.csv', 'manual_logs_2026-W46.csv', 'manual_logs_2026-W47.csv.gz',
      'user_monthly_summary_2026-10.csv', 'user_monthly_summary_2026-11.csv',
    ]);
    const headers = dataset.files.map((file) => records(file)[0]);
    const allHeaders = new Set(headers.flat());
    for (const spelling of ['Task Type', 'taskType', 'task-type', 'clientOs', 'accuracyPct', 'durationMs', 'duration-s', 'Duration Minutes', 'AI Tasks Total']) {
      expect(allHeaders.has(spelling)).toBe(true);
    }
    expect(text(dataset.files[1]).startsWith('\uFEFF')).toBe(true);
    expect(text(dataset.files[1])).toContain('\r\n');
  });

  it('accounts for every row exactly as the files hold them', () => {
    for (const source of ['ai_logs', 'manual_logs'] as const) {
      const fromFiles = accountFromFiles(dataset.files, source);
      const truth = dataset.truth.accounting[source];
      expect({
        rows_read: fromFiles.rowsRead,
        quarantined: fromFiles.quarantined,
        exact_duplicates: fromFiles.exactDuplicates,
        retry_duplicates: fromFiles.retryDuplicates,
        rows_in_tasks: fromFiles.rowsInTasks,
      }).toEqual({
        rows_read: truth.rows_read,
        quarantined: truth.quarantined,
        exact_duplicates: truth.exact_duplicates,
        retry_duplicates: truth.retry_duplicates,
        rows_in_tasks: truth.rows_in_tasks,
      });
      expect(fromFiles.reasons).toEqual(dataset.truth.quarantine_by_source[source]);
      expect(truth.rows_read).toBe(truth.quarantined + truth.exact_duplicates + truth.retry_duplicates + truth.rows_in_tasks);
      expect(truth.exact_duplicates).toBeGreaterThan(0);
    }
    expect(dataset.truth.accounting.ai_logs.retry_duplicates).toBeGreaterThan(0);
    // stitching merges fragments: fewer AI tasks than rows in tasks
    expect(dataset.truth.accounting.ai_logs.tasks).toBeLessThan(dataset.truth.accounting.ai_logs.rows_in_tasks);
    const rosterRows = dataset.files.filter((file) => file.kind === 'user_monthly_summary').reduce((sum, file) => sum + file.rows, 0);
    expect(dataset.truth.accounting.user_monthly_summary.rows_read).toBe(rosterRows);
  });

  it('plants the story in the truth of the last week', () => {
    const { truth } = dataset;
    const tables = truth.weeks['2026-W47'];
    expect(Object.keys(truth.weeks)).toEqual(['2026-W46', '2026-W47']);
    expect(Object.keys(truth.people)).toEqual(['2026-W46', '2026-W47']);
    expect(tables.gaps).toContainEqual({ source: 'ai_logs', team: 'Legal', date: '2026-11-18' });
    expect(tables.adoption_by_team.find((row) => row.team === 'Procurement')!.delta_pts).toBeLessThanOrEqual(-10);
    expect(tables.adoption_by_team[0].team).toBe('*');
    expect(truth.repairs.clock_skew).toBeGreaterThan(0);
  });
});

describe('the story options', () => {
  const plain = { idleSeats: 0, lateStarters: 0, lapsed: 0, smallTeam: 0 };
  const long = { seed: 7, users: 24, weeks: 7, endWeek: '2026-W47' };
  const lines = (set: GeneratedDataset): Set<string> => new Set(set.files.filter((file) => file.kind !== 'user_monthly_summary').flatMap((file) => text(file).split(/\r?\n/)));

  it('adds its users on top: the regular users\' rows stay the same whatever the people options say', () => {
    const without = generateDataset({ ...long, ...plain });
    const withStory = generateDataset(long);
    const story = lines(withStory);
    const missing = [...lines(without)].filter((line) => !story.has(line));
    expect(missing).toEqual([]);
    // idle 4 + late 2 + lapsed 2 + small team 3 story users after the 24 regular ones
    const rosterUsers = (set: GeneratedDataset): number => new Set(records(set.files.find((file) => file.name === 'user_monthly_summary_2026-11.csv')!).slice(1).map((row) => row[0])).size;
    expect(rosterUsers(withStory) - rosterUsers(without)).toBe(4 + 2 + 2 + 3);
  });

  it('plants each part of the people story where the options say', () => {
    const { truth } = generateDataset({ ...long, idleSeats: 2, lateStarters: 1, lapsed: 1, smallTeam: 2, harmfulPerWeek: 3, blindSpots: 3, gap: false });
    const people = truth.people['2026-W47'];
    // users u025.. after the 24 regular ones: idle u025-u026 (Legal), late starter u027 (HR), lapsed u028 (HR), small team u029-u030
    expect(truth.story.idle_seats).toEqual([{ user_id: 'u025', team: 'Legal' }, { user_id: 'u026', team: 'Legal' }]);
    expect(truth.story.late_starters).toEqual([{ user_id: 'u027', team: 'HR', licensed_from: '2026-10', first_ai_week: '2026-W47' }]);
    expect(truth.story.lapsed).toEqual([{ user_id: 'u028', team: 'HR', last_ai_week: '2026-W43' }]);
    expect(truth.story.small_team).toEqual({ team: 'Internal Audit', users: ['u029', 'u030'] });
    expect(truth.options).toMatchObject({ idleSeats: 2, lateStarters: 1, lapsed: 1, smallTeam: 2, harmfulPerWeek: 3, blindSpots: 3, gap: false });
    expect(people.idle_seat_users).toEqual(['u025', 'u026', 'u028']);
    expect(people.lapsed_users).toEqual(['u028']);
    expect(people.new_ai_users_report_week).toEqual(['u027']);
    expect(people.idle_seats.find((row) => row.team === 'Legal')).toMatchObject({ idle_seats: 2, lapsed_users: 0 });
    expect(people.idle_seats.find((row) => row.team === 'HR')).toMatchObject({ idle_seats: 1, lapsed_users: 1 });
    expect(truth.weeks['2026-W47'].adoption_by_team.find((row) => row.team === 'Internal Audit')!.users).toBe(2);
    expect(truth.weeks['2026-W47'].adoption_by_team.find((row) => row.team === 'Legal')!.user_adoption_rate).toBeLessThan(1);
    // three planted harmful outputs a week (a random one may come on top)
    expect((truth.story.harmful_planted as unknown[]).length).toBe(3 * 7);
    for (const week of ['2026-W46', '2026-W47']) expect(truth.weeks[week].harm[0].harmful).toBeGreaterThanOrEqual(3);
    expect(truth.story.blind_spots).toHaveLength(3);
    expect(truth.story.gap).toBeNull();
    expect(truth.weeks['2026-W47'].gaps.filter((gap) => gap.team === 'Legal')).toEqual([]);
  });

  it.each([2, 3])('the people truth tells the planted story for seed %i', (seed) => {
    const { truth } = generateDataset({ seed, users: 30, weeks: 8, endWeek: '2026-W47' });
    const story = truth.story as { idle_seats: Array<{ user_id: string }>; late_starters: Array<{ user_id: string }>; lapsed: Array<{ user_id: string }> };
    const ids = (users: Array<{ user_id: string }>): string[] => users.map((user) => user.user_id);
    // u031-u034 idle, u035-u036 late starters (u035 starts in the end week), u037-u038 lapsed, u039-u041 Internal Audit
    expect(ids(story.idle_seats)).toEqual(['u031', 'u032', 'u033', 'u034']);
    expect(truth.people['2026-W47'].idle_seat_users).toEqual([...ids(story.idle_seats), ...ids(story.lapsed)]);
    expect(truth.people['2026-W47'].lapsed_users).toEqual(['u037', 'u038']);
    expect(truth.people['2026-W47'].new_ai_users_report_week).toEqual([story.late_starters[0].user_id]);
    const star = truth.people['2026-W47'].idle_seats[0];
    expect(star).toMatchObject({ team: '*', idle_seats: 6, lapsed_users: 2 });
    // 27 licensed regular users, 4 idle, 2 late starters, 2 lapsed, 3 Internal Audit
    expect(star.licensed_users).toBe(27 + 4 + 2 + 2 + 3);
    const w47 = truth.people['2026-W47'].usage_tiers.find((row) => row.week === '2026-W47' && row.team === '*')!;
    expect(w47.none).toBe(6);
    expect(w47.people).toBe(star.licensed_users);
  });

  it('rejects a story count that is not a whole number', () => {
    expect(() => generateDataset({ ...small, idleSeats: -1 })).toThrow('expected --idle-seats to be a whole number from 0 to 1000, got `-1`');
    // every option within its range, but too many tasks to hold: refused before any work, not out of memory minutes later
    expect(() => generateDataset({ ...small, users: 20_000, weeks: 52 })).toThrow('expected --users x --weeks to be at most 200,000 (the reference metrics hold every task in memory');
    expect(() => generateDataset({ ...small, users: 20_000, weeks: 52 })).toThrow('got 20000 x 52 = 1,040,000;');
    expect(() => generateDataset({ ...small, harmfulPerWeek: 1.5 })).toThrow('--harmful-per-week');
  });
});

describe('the committed sample', () => {
  const dir = 'data/sample';
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as GeneratedDataset['truth'];

  it('is under 5 MB', () => {
    const bytes = readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
    expect(bytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('is exactly what the generator makes for its recorded options (regenerate it after generator changes)', () => {
    const { users, weeks, seed, end_week: endWeek } = truth.options;
    // the defaults of every other option (`uptake generate --out data/sample --end-week 2026-W47 --force`)
    expect(truth.options).toEqual({ users: 60, weeks: 8, seed: 1, end_week: '2026-W47' });
    const fresh = generateDataset({ users, weeks, seed, endWeek });
    const onDisk = readdirSync(dir).filter((name) => name !== 'truth.json' && name !== 'README.md').sort();
    expect(onDisk).toEqual(fresh.files.map((file) => file.name));
    for (const file of fresh.files) expect(Buffer.compare(readFileSync(join(dir, file.name)), Buffer.from(file.content))).toBe(0);
    expect(readFileSync(join(dir, 'truth.json'), 'utf8')).toBe(`${JSON.stringify(fresh.truth, null, 2)}\n`);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(fresh.readme);
  });

  it('keeps every team but the small one above the privacy threshold and tells the planted story', () => {
    const tables = truth.weeks['2026-W47'];
    for (const row of tables.adoption_by_team) expect(row.users >= 6 || row.team === 'Internal Audit').toBe(true);
    expect(tables.adoption_by_team.find((row) => row.team === 'Internal Audit')!.users).toBe(3);
    expect(tables.adoption_by_team.filter((row) => row.team !== '*' && (row.delta_pts ?? 0) <= -10).map((row) => row.team)).toEqual(['Procurement']);
    expect(tables.gaps).toEqual([{ source: 'ai_logs', team: 'Legal', date: '2026-11-18' }]);
    const salesOps = tables.accuracy_stability.filter((row) => row.team === 'Sales Ops');
    expect(salesOps.at(-1)!.asi!).toBeLessThan(salesOps.at(-2)!.asi! - 0.1);
    expect(tables.logging_coverage.filter((row) => row.flagged).map((row) => row.user_id)).toEqual(['u007', 'u017']);
    expect(tables.power_users.map((row) => row.user_id)).toContain('u006');
    // every part of the report has something to show in the report week
    expect(tables.harm[0]).toMatchObject({ team: '*', harmful: 1 });
    expect(tables.adoption_by_team.filter((row) => row.user_adoption_rate !== null && row.user_adoption_rate < 1).map((row) => row.team)).toEqual(['*', 'HR', 'Legal']);
    expect(truth.people['2026-W47'].idle_seat_users).toEqual(['u061', 'u062', 'u063', 'u064', 'u067', 'u068']);
    expect(truth.people['2026-W47'].new_ai_users_report_week).toEqual(['u065']);
    expect(truth.people['2026-W47'].lapsed_users).toEqual(['u067', 'u068']);
    // the week before: u065 (first AI task in W47) still idle, u067 (last AI task in W43) still in the window
    expect(truth.people['2026-W46'].idle_seat_users).toEqual(['u061', 'u062', 'u063', 'u064', 'u065', 'u068']);
    expect(truth.people['2026-W46'].lapsed_users).toEqual(['u068']);
    // Legal: 4 idle of 13 licensed, at or above the idle-seat alert's 30 %
    expect(truth.people['2026-W47'].idle_seats.find((row) => row.team === 'Legal')).toMatchObject({ licensed_users: 13, idle_seats: 4 });
  });
});

describe('writeDataset', () => {
  it('asks about the folder again just before the swap: a file put there while the data set was built stays, and nothing replaces it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'uptake-write-dataset-'));
    try {
      const dir = join(root, 'out');
      // (the files are read inside the build, after the first check: an export lands there meanwhile)
      const landing: GeneratedDataset = {
        ...dataset,
        get files() {
          writeFileSync(join(dir, 'ai_logs_real.csv'), 'event_id\n');
          return dataset.files;
        },
      };
      mkdirSync(dir);
      await expect(writeDataset(dir, landing)).rejects.toThrow(`expected --out to be a new or empty folder, got \`${dir}\` which has files (add --force to replace it)`);
      expect(readdirSync(dir)).toEqual(['ai_logs_real.csv']);
      expect(readdirSync(root)).toEqual(['out']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

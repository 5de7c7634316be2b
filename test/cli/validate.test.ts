import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeGzipBomb } from '../helpers/gzip-bomb.js';
import { inputFolder, csv } from '../helpers/input-folder.js';

// Runs the built CLI as a user would (npm test builds dist first).
function uptake(...args: string[]) {
  const result = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('uptake validate', () => {
  test('on the sample: balanced accounting equal to the generator truth, quarantine written with reasons', () => {
    const quarantine = join(mkdtempSync(join(tmpdir(), 'uptake-q-')), 'quarantine.csv');
    const { code, stdout } = uptake('validate', '--json', '--quarantine', quarantine);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const truth = JSON.parse(readFileSync('data/sample/truth.json', 'utf8'));
    expect(report.balanced).toBe(true);
    expect(report.accounting.ai_logs).toEqual(truth.accounting.ai_logs);
    expect(report.accounting.manual_logs).toEqual(truth.accounting.manual_logs);
    expect(report.quarantine_by_reason).toEqual(truth.quarantine_by_reason);
    expect(report.repairs.clock_skew).toBe(truth.repairs.clock_skew);
    expect(report.week).toBe('2026-W47');
    expect(report.gaps).toMatchObject(truth.weeks['2026-W47'].gaps);
    expect(report.gaps).toHaveLength(1);
    const rows = parse(readFileSync(quarantine, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const total = Object.values(truth.quarantine_by_reason as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(rows).toHaveLength(total);
    expect(Object.keys(rows[0])).toEqual(['file', 'line', 'reason', 'detail', 'raw']);
    expect(report.files.some((file: { drift: string[] }) => file.drift.length > 0)).toBe(true);
  });

  test('a --week that is no week is refused before any work; a week the data lacks prints the report, gaps not checked, exit 2', () => {
    const folder = mkdtempSync(join(tmpdir(), 'uptake-q-'));
    try {
      const quarantine = join(folder, 'quarantine.csv');
      for (const week of ['garbage', '2026-W99']) {
        const refused = uptake('validate', '--json', '--week', week, '--quarantine', quarantine);
        expect([refused.code, refused.stdout]).toEqual([2, '']);
        expect(refused.stderr).toContain(`--week: expected \`latest\` or an ISO week like 2026-W47, got \`${week}\``);
      }
      const lacking = uptake('validate', '--json', '--week', '2025-W01', '--quarantine', quarantine);
      expect(lacking.code).toBe(2);
      const report = JSON.parse(lacking.stdout);
      expect([report.week, report.gaps, report.blind_spots, report.balanced]).toEqual([null, null, null, true]);
      expect(report.note).toMatch(/^gaps and blind spots not checked: --week: .*got `2025-W01`/);
      expect(lacking.stderr).toMatch(/--week: .*got `2025-W01`/);
      // without --week, data with no complete week: the report, gaps not checked, exit 0 (CONTRACT 4: the input could be read)
      const partial = inputFolder({ 'ai_logs_1.csv': csv('event_id,user_id,task_type,started_at,status', 'e1,u1,x,2026-11-18T09:00:00Z,done') });
      const latest = uptake('validate', '--json', '--input', partial, '--quarantine', quarantine);
      expect(latest.code).toBe(0);
      const unchecked = JSON.parse(latest.stdout);
      expect([unchecked.week, unchecked.gaps, unchecked.blind_spots, unchecked.accounting.ai_logs.rows_read]).toEqual([null, null, null, 1]);
      expect(unchecked.note).toMatch(/^gaps and blind spots not checked: --week: expected `latest` to find a complete ISO week/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('the text report shows accounting, drift, labels and the balance line', () => {
    const { code, stdout } = uptake('validate', '--quarantine', join(mkdtempSync(join(tmpdir(), 'uptake-q-')), 'q.csv'));
    expect(code).toBe(0);
    expect(stdout).toContain('Row accounting: rows_read = quarantined + exact_duplicates + retry_duplicates + rows_in_tasks');
    expect(stdout).toContain('Task labels (raw -> canonical)');
    expect(stdout).toContain('Every input row is accounted for.');
  });

  test.each([
    ['a missing folder', () => '/nonexistent/uptake-input', /^uptake: \/nonexistent\/uptake-input: expected an input folder .* but it does not exist\n$/],
    ['no file of a kind', () => inputFolder({ 'ai_logs.csv': 'x\n', 'user_monthly_summary.csv': 'x\n' }, { complete: false }), /expected at least one manual_logs\*\.csv/],
    ['a header without a required column', () => inputFolder({ 'ai_logs.csv': csv('id,user,started_at', 'e1,u1,2026-11-16T09:00:00Z') }), /ai_logs\.csv:1: expected a header with `task_type`, `status`/],
    ['undecodable bytes', () => inputFolder({ 'ai_logs.csv': Buffer.concat([Buffer.from('event_id,user_id,task_type,started_at,status\ne1,u1,'), Buffer.from([0xc3, 0x28]), Buffer.from(',x,done\n')]) as unknown as string }), /ai_logs\.csv:2: expected UTF-8 text/],
    ['an empty file', () => inputFolder({ 'manual_logs.csv': '' }), /manual_logs\.csv: expected a header row and data, but the file is empty/],
    ['a UTF-16 file without BOM', () => inputFolder({ 'ai_logs.csv': Buffer.from(csv('event_id,user_id,task_type,started_at,status', 'e1,u1,x,2026-11-16T09:00:00Z,done'), 'utf16le') as unknown as string }), /ai_logs\.csv: the file is UTF-16LE; expected UTF-8/],
    ['a dangling symbolic link', () => {
      const dir = inputFolder({});
      symlinkSync(join(dir, 'nowhere.csv'), join(dir, 'ai_logs_2.csv'));
      return dir;
    }, /ai_logs_2\.csv: expected a readable CSV file, but it is a symbolic link to `.*nowhere\.csv`, which does not exist\n$/],
    ['a file name that is not UTF-8', () => {
      const dir = inputFolder({});
      writeFileSync(Buffer.concat([Buffer.from(join(dir, 'ai_logs_')), Buffer.from([0xff, 0xfe]), Buffer.from('.csv')]), 'event_id,user_id,task_type,started_at,status\ne1,u1,x,2026-11-16T09:00:00Z,done\n');
      return dir;
    }, /^uptake: \/.+: expected file names in UTF-8, but the name `ai_logs_\\xff\\xfe\.csv` is not \(its bytes that are not UTF-8 are shown as \\xNN\): rename the file\n$/],
  ])('%s: exit 3 with one message naming the file, no stack trace', (_name, folder, message) => {
    const dir = folder();
    try {
      const { code, stdout, stderr } = uptake('validate', '--input', dir, '--quarantine', join(tmpdir(), 'uptake-unused-q.csv'));
      expect(code).toBe(3);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n').filter((line) => line.startsWith('uptake:'))).toHaveLength(1);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      if (dir.startsWith(tmpdir())) rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a 3 MB gzip bomb (3 GiB of one field) stops at the default record cap: exit 3, one message, no stack trace', async () => {
    const dir = inputFolder({});
    try {
      await writeGzipBomb(join(dir, 'ai_logs_2026-W48.csv.gz'), 'event_id,user_id,task_type,started_at,status,prompt\ne1,u1,x,2026-11-16T09:00:00Z,done,"', 192);
      const { code, stdout, stderr } = uptake('validate', '--input', dir, '--quarantine', join(dir, 'q.csv'));
      expect([code, stdout]).toEqual([3, '']);
      expect(stderr.endsWith(`uptake: ${join(dir, 'ai_logs_2026-W48.csv.gz')}:2: expected a record of at most 8 MiB (inputLimits.maxRecordBytes), got a longer one (a runaway field or a quote never closed?)\n`)).toBe(true);
      expect(stderr).not.toMatch(/\n\s+at /);
      // a smaller cap from the config file
      writeFileSync(join(dir, 'uptake.config.json'), JSON.stringify({ inputLimits: { maxFileBytes: 1024 * 1024 } }));
      const capped = uptake('validate', '--input', dir, '--config', join(dir, 'uptake.config.json'), '--quarantine', join(dir, 'q.csv'));
      expect(capped.code).toBe(3);
      expect(capped.stderr).toContain(`uptake: ${join(dir, 'ai_logs_2026-W48.csv.gz')}: expected at most 1 MiB of text (inputLimits.maxFileBytes), got more once unzipped\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('the text report names roster teams printed alike and users off the roster (the first 20 by tasks; --json all of them)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'uptake-q-'));
    try {
      const rows = Array.from({ length: 25 }, (_, index) => `e${index},guest${String(index).padStart(2, '0')},,report,2026-11-16T09:00:00Z,done`);
      const input = inputFolder({
        'ai_logs_1.csv': csv('event_id,user_id,team,task_type,started_at,status', 'x1,u1\u200B,,report,2026-11-16T09:00:00Z,done', 'x0,u1\u200B,,report,2026-11-16T10:00:00Z,done', ...rows.slice(1)),
        'user_monthly_summary_2026-11.csv': csv('user_id,team,month,licensed', 'u1,Finance,2026-11,yes', 'u2,Fi\u200Bnance,2026-11,yes'),
      });
      const quarantine = join(folder, 'quarantine.csv');
      const text = uptake('validate', '--input', input, '--quarantine', quarantine);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/Roster teams that print like another roster team[^\n]*\nteam +users +looks like roster team\n[- ]+\n"Fi\\u200Bnance" +1 +Finance\n/);
      expect(text.stdout).toMatch(/Users in the logs that no roster row names[^\n]*\nuser +tasks +looks like roster user\n[- ]+\n"u1\\u200B" +2 +u1\n"guest01" +1 +—\n/);
      expect(text.stdout).toContain('"guest19"');
      expect(text.stdout).not.toContain('"guest20"');
      expect(text.stdout).toContain('… and 5 more (all of them in --json)');
      const report = JSON.parse(uptake('validate', '--json', '--input', input, '--quarantine', quarantine).stdout);
      expect(report.users_off_roster).toHaveLength(25);
      expect(report.roster_teams_alike).toEqual([{ team: 'Fi\u200Bnance', users: 1, looks_like: 'Finance' }]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('the text report lists at most a few of each kind of thing (then how many more); --json keeps them all', () => {
    // a header repeated on 100 lines made a drift cell of every line (100,000 lines: 11 MB of text), and every
    // team, label or user of the data was a row
    const header = 'event_id,user_id,team,task_type,started_at,status';
    const rows = Array.from({ length: 250 }, (_, index) => `e${index},u1,Team${index % 30},label${index},2026-11-16T09:00:00Z,done`);
    const input = inputFolder({
      'ai_logs_1.csv': csv(header, ...rows, ...Array.from({ length: 100 }, () => header)),
      'user_monthly_summary_2026-11.csv': csv('user_id,team,month,licensed', 'u1,Finance,2026-11,yes'),
      ...Object.fromEntries(Array.from({ length: 25 }, (_, index) => [`ai_logs_${String(index).padStart(2, '0')}.txt`, 'x'])),
    });
    try {
      const quarantine = join(input, 'quarantine.csv');
      const text = uptake('validate', '--input', input, '--quarantine', quarantine);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('header repeated on line 270, header repeated on line 271 and 80 more');
      expect(text.stdout).not.toContain('header repeated on line 272');
      expect(text.stdout).toMatch(/\n"Team19" +\d+ +—\n… and 10 more \(all of them in --json\)\n/);
      expect(text.stdout).toMatch(/\nlabel\d+ +label\d+ +1 +\w+\n… and 50 more \(all of them in --json\)\n/);
      expect(text.stdout.length).toBeLessThan(20_000);
      expect(text.stderr).toContain('ai_logs_18.txt, ai_logs_19.txt and 5 more: named like input, but only *.csv');
      const report = JSON.parse(uptake('validate', '--json', '--input', input, '--quarantine', quarantine).stdout);
      expect(report.teams_off_roster).toHaveLength(30);
      expect(report.label_mapping).toHaveLength(250);
      expect(report.files.find((file: { kind: string }) => file.kind === 'ai_logs').drift).toHaveLength(100);
    } finally {
      rmSync(input, { recursive: true, force: true });
    }
  });
});

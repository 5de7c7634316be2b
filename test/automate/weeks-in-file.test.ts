import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { weeksInFile } from '../../src/automate/weeks-in-file.js';
import { weeksOfMonth } from '../../src/util/iso-week.js';
import { rosterZones } from '../../src/automate/roster-zones.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uptake-weeks-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}
const utc = { timezone: 'UTC', defaultTimezone: 'UTC' };

describe('weeksOfMonth', () => {
  it('lists the weeks whose Thursday lies in the month, including week 53 of 2026', () => {
    expect(weeksOfMonth('2026-11')).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(weeksOfMonth('2026-12')).toEqual(['2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53']);
    expect(weeksOfMonth('2026-01')).toEqual(['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05']);
  });
});

describe('weeksInFile', () => {
  it('reads started_at instants and cuts weeks in the report zone', async () => {
    const path = await file(
      'ai_logs_a.csv',
      'event_id,user_id,task_type,started_at,status\ne1,u1,x,2026-11-22T23:30:00Z,completed\ne2,u1,x,2026-11-23T00:10:00Z,completed\n',
    );
    // the span: the first and last instants, whatever the zone (the watcher's edgeWeeks reads them)
    const span = { first: '2026-11-22T23:30:00.000Z', last: '2026-11-23T00:10:00.000Z' };
    expect(await weeksInFile(path, utc)).toEqual({ weeks: ['2026-W47', '2026-W48'], source: 'column', span });
    // In New York both are Sunday evening.
    expect(await weeksInFile(path, { timezone: 'America/New_York', defaultTimezone: 'UTC' })).toEqual({ weeks: ['2026-W47'], source: 'column', span });
  });

  it('places a naive time in the row tz, else in the default zone', async () => {
    const withTz = await file('manual_logs_tz.csv', 'task_id,user_id,task_type,started_at,tz\nt1,u1,x,2026-11-23 00:30:00,Europe/Berlin\n');
    expect((await weeksInFile(withTz, utc)).weeks).toEqual(['2026-W47']);
    const withoutTz = await file('manual_logs_naive.csv', 'task_id,user_id,task_type,started_at\nt1,u1,x,2026-11-23 00:30:00\n');
    expect((await weeksInFile(withoutTz, utc)).weeks).toEqual(['2026-W48']);
    expect((await weeksInFile(withoutTz, { timezone: 'UTC', defaultTimezone: 'Europe/Berlin' })).weeks).toEqual(['2026-W47']);
  });

  it("places a naive time in the user's roster zone for that month when the row has no tz", async () => {
    const rosterDir = await mkdtemp(join(dir, 'roster-'));
    await writeFile(join(rosterDir, 'user_monthly_summary_2026-11.csv'), 'user_id,team,month,timezone\nu1,Legal,2026-11,Australia/Sydney\nu2,Legal,2026-11,Nowhere/Else\n');
    const zones = await rosterZones(rosterDir);
    expect(zones).toEqual(new Map([['u1', new Map([['2026-11', 'Australia/Sydney']])]]));
    // Monday 08:11 in Sydney is Sunday 21:11 UTC: still week 45. u2's zone is not a zone, so UTC applies.
    const logs = await file('manual_logs_roster.csv', 'task_id,user_id,task_type,started_at\nt1,u1,x,2026-11-09 08:11:10\n');
    expect((await weeksInFile(logs, { ...utc, rosterZones: zones })).weeks).toEqual(['2026-W45']);
    const other = await file('manual_logs_roster2.csv', 'task_id,user_id,task_type,started_at\nt2,u2,x,2026-11-09 08:11:10\n');
    expect((await weeksInFile(other, { ...utc, rosterZones: zones })).weeks).toEqual(['2026-W46']);
  });

  it('reads a header alias, epoch seconds and gzip, skipping unreadable values', async () => {
    const path = await file('ai_logs_b.csv.gz', gzipSync('ID,uid,Task Type,Start Time,state\ne1,u1,x,1795000000,done\ne2,u1,x,yesterday,done\n'));
    expect(await weeksInFile(path, utc)).toEqual({ weeks: ['2026-W47'], source: 'column', span: { first: '2026-11-18T11:06:40.000Z', last: '2026-11-18T11:06:40.000Z' } });
  });

  it('turns roster months into the weeks of those months', async () => {
    const path = await file('user_monthly_summary_q4.csv', 'user_id,team,month\nu1,Finance,2026-11\nu2,Legal,2026-11\n');
    expect(await weeksInFile(path, utc)).toEqual({ weeks: ['2026-W45', '2026-W46', '2026-W47', '2026-W48'], source: 'column' });
  });

  it('falls back to the week, date or month in the file name', async () => {
    expect(await weeksInFile(await file('ai_logs_2026-W47.csv', 'event_id,user_id\ne1,u1\n'), utc)).toEqual({ weeks: ['2026-W47'], source: 'file-name' });
    expect(await weeksInFile(await file('manual_logs_2026-11-18.csv', ''), utc)).toEqual({ weeks: ['2026-W47'], source: 'file-name' });
    expect(await weeksInFile(await file('user_monthly_summary_2026-12.csv', 'user_id\n'), utc)).toEqual({
      weeks: ['2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53'],
      source: 'file-name',
    });
    expect(await weeksInFile(await file('ai_logs_export.csv', 'event_id\n'), utc)).toEqual({ weeks: [], source: 'none' });
  });

  it('says a named pipe is one instead of waiting for a writer; rosterZones skips it', async () => {
    const pipeDir = await mkdtemp(join(tmpdir(), 'uptake-fifo-'));
    try {
      execFileSync('mkfifo', [join(pipeDir, 'ai_logs_2026-W47.csv'), join(pipeDir, 'user_monthly_summary_2026-11.csv')]);
      const weeks = await weeksInFile(join(pipeDir, 'ai_logs_2026-W47.csv'), utc);
      expect({ ...weeks, error: weeks.error?.message }).toEqual({
        weeks: ['2026-W47'],
        source: 'file-name',
        error: `${join(pipeDir, 'ai_logs_2026-W47.csv')}: expected a readable CSV file, but it is a named pipe (FIFO)`,
      });
      expect(await rosterZones(pipeDir)).toEqual(new Map());
    } finally {
      await rm(pipeDir, { recursive: true, force: true });
    }
  });

  it('follows a header repeated further down (files joined) and every line ending, in logs and rosters', async () => {
    const logs = await file(
      'ai_logs_joined.csv',
      'event_id,user_id,task_type,started_at,status\r\ne1,u1,x,2026-11-16T09:00:00Z,done\nstatus,start_time,id,uid,task\ndone,2026-11-23T09:00:00Z,e2,u1,x\n',
    );
    expect(await weeksInFile(logs, utc)).toEqual({ weeks: ['2026-W47', '2026-W48'], source: 'column', span: { first: '2026-11-16T09:00:00.000Z', last: '2026-11-23T09:00:00.000Z' } });
    const roster = await file('user_monthly_summary_joined.csv', 'user_id,month,timezone\nu1,2026-10,UTC\ntimezone,month,user_id\nAustralia/Sydney,2026-11,u4\n');
    expect((await weeksInFile(roster, utc)).weeks).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    const zones = await rosterZones(dir);
    expect([zones.get('u1')?.get('2026-10'), zones.get('u4')?.get('2026-11')]).toEqual(['UTC', 'Australia/Sydney']);
  });
});

describe('weeksInFile and rows the cleaning quarantines', () => {
  it('takes no week nor span from a start outside the plausible window or an AI row of an unknown status', async () => {
    const path = await file(
      'ai_logs_typos.csv',
      'event_id,user_id,task_type,started_at,status\n' +
        'e1,u1,x,2026-11-17T09:00:00Z,completed\ne2,u1,x,1999-05-05T10:00:00Z,completed\ne3,u1,x,2027-11-25T10:00:00Z,completed\n' +
        'e4,u1,x,2026-11-24T10:00:00Z,exploded\ne5,u1,x,2026-11-18T10:00:00Z,abandoned\n',
    );
    const plausible = { earliestMs: Date.parse('2000-01-01T00:00:00Z'), latestMs: Date.parse('2026-12-07T00:00:00Z') };
    expect(await weeksInFile(path, { ...utc, plausible })).toEqual({
      weeks: ['2026-W47'],
      source: 'column',
      span: { first: '2026-11-17T09:00:00.000Z', last: '2026-11-18T10:00:00.000Z' },
    });
  });
});

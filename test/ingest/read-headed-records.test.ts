import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHeadedRecords } from '../../src/ingest/read-headed-records.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uptake-headed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(name: string, text: string, kind: 'ai_logs' | 'user_monthly_summary'): Promise<Array<[number, string | undefined]>> {
  const path = join(dir, name);
  await writeFile(path, text);
  const seen: Array<[number, string | undefined]> = [];
  for await (const { header, record } of readHeadedRecords({ path, gzip: false }, kind)) seen.push([record.line, record.fields[header.index.get('month') ?? header.index.get('started_at')!]]);
  return seen;
}

describe('readHeadedRecords', () => {
  it('reads each record with its header: a header repeated in another column order takes over below it', async () => {
    const text = 'user_id,team,month,timezone\nu1,Legal,2026-10,UTC\nmonth,timezone,team,user_id\n2026-11,UTC,Legal,u2\n';
    expect(await read('user_monthly_summary_joined.csv', text, 'user_monthly_summary')).toEqual([[2, '2026-10'], [4, '2026-11']]);
  });

  it('a record with digits is data even where a header could be; a first header without a required column yields nothing', async () => {
    const logs = 'event_id,user_id,task_type,started_at,status\ne1,u1,x,2026-11-18T09:00:00Z,success\ne2,u1,x,started_at,status2\n';
    expect(await read('ai_logs_digits.csv', logs, 'ai_logs')).toEqual([[2, '2026-11-18T09:00:00Z'], [3, 'started_at']]);
    expect(await read('user_monthly_summary_bad.csv', 'user_id,team\nu1,Legal\n', 'user_monthly_summary')).toEqual([]);
  });
});

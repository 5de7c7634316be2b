import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { kindOfFileName } from '../ingest/discover-files.js';
import { resolveHeader } from '../ingest/normalize-headers.js';
import { ianaZone } from '../ingest/parse-values.js';
import { readCsvRecords } from '../ingest/read-csv.js';

/** `user_id|YYYY-MM` -> the user's IANA zone that month, from the roster files. */
export type RosterZones = Map<string, string>;

/**
 * Reads the `timezone` column of every user_monthly_summary file at the top of `dir` (rosters are
 * small: one row per user and month). Unreadable files are skipped: the report run explains them.
 * @example (await rosterZones('incoming')).get('u004|2026-11') // 'Australia/Sydney'
 */
export async function rosterZones(dir: string): Promise<RosterZones> {
  const zones: RosterZones = new Map();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return zones;
  }
  for (const name of names.sort()) {
    if (kindOfFileName(name) !== 'user_monthly_summary') continue;
    try {
      let columns: { user?: number; month?: number; zone?: number } | null = null;
      for await (const record of readCsvRecords({ path: join(dir, name), gzip: name.toLowerCase().endsWith('.gz') })) {
        if (!columns) {
          const header = resolveHeader('user_monthly_summary', record.fields);
          columns = { user: header.index.get('user_id'), month: header.index.get('month'), zone: header.index.get('timezone') };
          if (columns.user === undefined || columns.month === undefined || columns.zone === undefined) break;
          continue;
        }
        const user = record.fields[columns.user!]?.trim();
        const month = record.fields[columns.month!]?.trim();
        const zone = record.fields[columns.zone!]?.trim();
        if (user && month && zone && ianaZone(zone)) zones.set(`${user}|${month}`, zone);
      }
    } catch {
      // skipped
    }
  }
  return zones;
}

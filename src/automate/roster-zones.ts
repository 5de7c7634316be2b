import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { kindOfFileName, readableFile } from '../ingest/discover-files.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../ingest/input-limits.js';
import { repeatedHeader, resolveHeader, type ResolvedHeader } from '../ingest/normalize-headers.js';
import { ianaZone } from '../ingest/parse-values.js';
import { readCsvRecords } from '../ingest/read-csv.js';

const MONTH = /^\d{4}-\d{2}$/;

/** `user_id|YYYY-MM` -> the user's IANA zone that month, from the roster files. */
export type RosterZones = Map<string, string>;

/**
 * Reads the `timezone` column of every user_monthly_summary file at the top of `dir` (rosters are
 * small: one row per user and month). Unreadable files (and files over `limits`) are skipped: the report
 * run explains them.
 * @example (await rosterZones('incoming')).get('u004|2026-11') // 'Australia/Sydney'
 */
export async function rosterZones(dir: string, limits: InputLimits = DEFAULT_INPUT_LIMITS): Promise<RosterZones> {
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
      await readableFile(join(dir, name)); // a FIFO would block the read for good
      let columns: { user?: number; month?: number; zone?: number } | null = null;
      const columnsOf = (header: ResolvedHeader) => ({ user: header.index.get('user_id'), month: header.index.get('month'), zone: header.index.get('timezone') });
      for await (const record of readCsvRecords({ path: join(dir, name), gzip: name.toLowerCase().endsWith('.gz') }, limits)) {
        if (!columns) {
          columns = columnsOf(resolveHeader('user_monthly_summary', record.fields));
          if (columns.user === undefined || columns.month === undefined || columns.zone === undefined) break;
          continue;
        }
        const user = record.fields[columns.user!]?.trim();
        const month = record.fields[columns.month!]?.trim();
        const zone = record.fields[columns.zone!]?.trim();
        if (user && month && zone && ianaZone(zone)) zones.set(`${user}|${month}`, zone);
        else if (!MONTH.test(month ?? '')) {
          // a header repeated further down (files joined): its columns for the rows after it
          const repeated = repeatedHeader('user_monthly_summary', record.fields);
          if (repeated) columns = columnsOf(repeated);
        }
      }
    } catch {
      // skipped
    }
  }
  return zones;
}

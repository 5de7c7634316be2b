import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadRoster } from '../clean/load-roster.js';
import { kindOfFileName, readableFile } from '../ingest/discover-files.js';
import { DEFAULT_INPUT_LIMITS } from '../ingest/input-limits.js';
/**
 * The users' zones per month, read from the user_monthly_summary files at the top of `dir` by the
 * cleaning's own roster reader (so naive times are placed as the run will place them). A file that
 * cannot be read (or is over `limits`) is left out: the report run explains it.
 * @example (await rosterZones('incoming')).get('u004')?.get('2026-11') // 'Australia/Sydney'
 */
export async function rosterZones(dir, limits = DEFAULT_INPUT_LIMITS) {
    const zones = new Map();
    let names;
    try {
        names = await readdir(dir);
    }
    catch {
        return zones;
    }
    const files = [];
    for (const name of names.sort()) {
        if (kindOfFileName(name) !== 'user_monthly_summary')
            continue;
        const path = join(dir, name);
        // a FIFO would block the read for good: such a path is left out, like a file that cannot be read
        const info = await readableFile(path).catch(() => null);
        if (info)
            files.push({ path, name, kind: 'user_monthly_summary', gzip: name.toLowerCase().endsWith('.gz'), bytes: info.size });
    }
    // all files at once, as the cleaning reads them; if one cannot be read, each of the others alone
    const rosters = await loadRoster(files, () => { }, () => { }, limits).then((roster) => [roster], () => Promise.all(files.map((file) => loadRoster([file], () => { }, () => { }, limits).catch(() => null))));
    for (const roster of rosters) {
        for (const entry of roster?.entries ?? []) {
            if (entry.timezone === null)
                continue;
            let months = zones.get(entry.userId);
            if (!months)
                zones.set(entry.userId, (months = new Map()));
            // the first file naming a user's zone for a month keeps it
            if (!months.has(entry.month))
                months.set(entry.month, entry.timezone);
        }
    }
    return zones;
}
//# sourceMappingURL=roster-zones.js.map
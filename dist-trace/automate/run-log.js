import { appendFile } from 'node:fs/promises';
import { ensureFolder } from '../util/atomic-write.js';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { pidIsAlive } from '../util/pid-is-alive.js';
import { readStateFile } from '../util/read-state-file.js';
/**
 * Appends one entry as one JSON line (a single O_APPEND write, so concurrent writers do not interleave).
 * @example await appendRun('output/.uptake/runs.jsonl', { event: 'skipped', at: new Date().toISOString(), reason: 'schedule', why: 'busy' })
 */
export async function appendRun(runLogPath, entry) {
    await ensureFolder(dirname(runLogPath));
    await appendFile(runLogPath, `${JSON.stringify(entry)}\n`, 'utf8');
}
// A crash can leave a torn last line; every other line is kept, a torn one is skipped.
/**
 * Every entry of a run log in file order; a missing log is an empty list.
 * @example const entries = await readRunLog('output/.uptake/runs.jsonl')
 */
export async function readRunLog(runLogPath) {
    const text = await readStateFile(runLogPath, 'the run log');
    if (text === null)
        return [];
    const entries = [];
    for (const line of text.split('\n')) {
        if (!line.trim())
            continue;
        try {
            const entry = JSON.parse(line);
            if (entry && typeof entry === 'object' && typeof entry.event === 'string' && typeof entry.at === 'string')
                entries.push(entry);
        }
        catch {
            // torn line
        }
    }
    return entries;
}
/**
 * Runs in start order. A start without an end is `running` while its process lives, else `interrupted`.
 * @example (await readRuns('output/.uptake/runs.jsonl')).at(-1)?.outcome // 'ok'
 */
export async function readRuns(runLogPath, options = {}) {
    const isAlive = options.isAlive ?? pidIsAlive;
    const host = options.host ?? hostname();
    const entries = await readRunLog(runLogPath);
    const ends = new Map();
    for (const entry of entries)
        if (entry.event === 'end')
            ends.set(entry.runId, entry);
    const runs = [];
    for (const entry of entries) {
        if (entry.event === 'start') {
            const end = ends.get(entry.runId);
            const alive = entry.host !== host || isAlive(entry.pid);
            runs.push({
                runId: entry.runId,
                reason: entry.reason,
                outcome: end ? end.outcome : alive ? 'running' : 'interrupted',
                startedAt: entry.at,
                endedAt: end?.at ?? null,
                durationMs: end?.durationMs ?? null,
                weeks: entry.weeks ?? [],
                scheduledFor: entry.scheduledFor ?? null,
                error: end?.error ?? null,
                why: null,
                result: end?.result ?? null,
                pid: entry.pid,
                host: entry.host,
            });
        }
        else if (entry.event === 'skipped') {
            runs.push({
                runId: null,
                reason: entry.reason,
                outcome: 'skipped',
                startedAt: entry.at,
                endedAt: entry.at,
                durationMs: 0,
                weeks: entry.weeks ?? [],
                scheduledFor: entry.scheduledFor ?? null,
                error: null,
                why: entry.why,
                result: null,
                pid: null,
                host: null,
            });
        }
    }
    return runs;
}
//# sourceMappingURL=run-log.js.map
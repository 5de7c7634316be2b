import { link, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { ensureFolder } from '../util/atomic-write.js';
import { dirname, join, basename } from 'node:path';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { UptakeError } from '../errors.js';
import { pidIsAlive } from '../util/pid-is-alive.js';
import { statePaths } from './state-paths.js';
import { readStateFile } from '../util/read-state-file.js';
// A lock file that is still being written can be empty for a moment; only older unreadable ones are stale.
const UNREADABLE_STALE_AFTER_MS = 10_000;
/**
 * Takes `<output>/.uptake/run.lock` so two report runs never overlap, across processes.
 * A lock whose pid is dead on this host is stale and is taken over; a live one is an
 * UptakeError of kind `busy` (exit code 10). A lock from another host is treated as live.
 * @example const lock = await acquireRunLock('output', { reason: 'manual' }); try { ... } finally { await lock.release(); }
 */
export async function acquireRunLock(outputDir, options = {}) {
    const path = statePaths(outputDir).runLock;
    const now = options.now ?? Date.now;
    const isAlive = options.isAlive ?? pidIsAlive;
    const info = {
        pid: options.pid ?? process.pid,
        host: options.host ?? hostname(),
        reason: options.reason ?? 'manual',
        since: new Date(now()).toISOString(),
        token: randomBytes(8).toString('hex'),
    };
    await ensureFolder(dirname(path));
    for (let attempt = 0; attempt < 3; attempt++) {
        if (await tryCreate(path, info))
            return { path, info, release: () => releaseLock(path, info.token) };
        const holder = await readHolder(path);
        if (holder === 'gone')
            continue;
        const stale = holder === 'unreadable' ? await olderThan(path, UNREADABLE_STALE_AFTER_MS, now()) : holder.host === info.host && !isAlive(holder.pid);
        if (!stale)
            throw busyError(path, holder);
        await removeStale(path, isAlive, info.host);
    }
    throw new UptakeError('busy', 'expected to take the run lock, but it kept changing hands; another uptake run is starting', { file: path });
}
/**
 * Runs `work` while holding the run lock, releasing it afterwards whatever happens.
 * @example await withRunLock('output', () => runReport(options), { reason: 'manual' })
 */
export async function withRunLock(outputDir, work, options = {}) {
    const lock = await acquireRunLock(outputDir, options);
    try {
        return await work();
    }
    finally {
        await lock.release();
    }
}
/**
 * Who holds the run lock now, or null when nobody does (a stale holder is reported with `stale: true`).
 * @example (await readRunLock('output'))?.pid
 */
export async function readRunLock(outputDir, options = {}) {
    const holder = await readHolder(statePaths(outputDir).runLock);
    if (holder === 'gone' || holder === 'unreadable')
        return null;
    const host = options.host ?? hostname();
    return { ...holder, stale: holder.host === host && !(options.isAlive ?? pidIsAlive)(holder.pid) };
}
// Write the whole lock beside the target, then hard-link it in: link fails if a lock exists, and nobody sees half a file.
async function tryCreate(path, info) {
    const temporary = join(dirname(path), `.${basename(path)}.${info.token}.tmp`);
    await writeFile(temporary, `${JSON.stringify(info)}\n`, 'utf8');
    try {
        await link(temporary, path);
        return true;
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return false;
        throw error;
    }
    finally {
        await rm(temporary, { force: true });
    }
}
async function readHolder(path) {
    const text = await readStateFile(path, 'the run lock');
    if (text === null)
        return 'gone';
    try {
        const parsed = JSON.parse(text);
        return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? parsed : 'unreadable';
    }
    catch {
        return 'unreadable';
    }
}
async function olderThan(path, ageMs, now) {
    try {
        return now - (await stat(path)).mtimeMs > ageMs;
    }
    catch {
        return true;
    }
}
// Move the stale lock aside first: if another process took over in between, we moved a live lock and put it back.
async function removeStale(path, isAlive, host) {
    const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
    try {
        await rename(path, aside);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return;
        throw error;
    }
    const moved = await readHolder(aside);
    const live = typeof moved === 'object' && (moved.host !== host || isAlive(moved.pid));
    if (live)
        await link(aside, path).catch(() => undefined);
    await rm(aside, { force: true });
}
async function releaseLock(path, token) {
    const holder = await readHolder(path);
    if (typeof holder === 'object' && holder.token === token)
        await unlink(path).catch(() => undefined);
}
function busyError(path, holder) {
    const who = holder === 'unreadable'
        ? 'a lock file that is still being written'
        : `pid ${holder.pid} on ${holder.host} (${holder.reason}, since ${holder.since})`;
    return new UptakeError('busy', `expected no other uptake run, but ${who} holds the run lock; wait for it or delete the file if that process is gone`, {
        file: path,
    });
}
//# sourceMappingURL=run-lock.js.map
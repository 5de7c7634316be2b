import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { removeOrphanedTempDirs } from '../util/guard-child.js';
/** A week folder being built (`.2026-W47.<hex>.tmp`) or being replaced (`.2026-W47.<hex>.old`). */
const STAGING = /^\.(.+)\.[0-9a-f]{12}\.(tmp|old)$/;
// A run killed by kill -9 or a power cut leaves its staging folder and temp folders behind; the next
// run cleans up. It holds the run lock for `outputDir`, so no live run is building a folder there.
/**
 * Removes what dead runs left: staging folders in `outputDir` (the caller holds its run lock), and
 * the temp folders of processes that are gone (`removeOrphanedTempDirs`, the rule of the watchdog's folders). A week
 * folder that a crash left only as its `.old` copy is put back. Returns the paths removed or restored.
 * @example await removeStaleRunFiles('output') // ['output/.2026-W47.3f9a0c1b2d4e.tmp', '/tmp/uptake-kernel-4242-a1B2c3']
 */
export async function removeStaleRunFiles(outputDir, options = {}) {
    const done = [];
    for (const name of await namesIn(outputDir)) {
        const match = STAGING.exec(name);
        const path = join(outputDir, name);
        if (!match || !(await isFolder(path)))
            continue;
        const week = join(outputDir, match[1]);
        const restore = match[2] === 'old' && !(await isFolder(week));
        // One that cannot go is left for the next run: it must not stop this one.
        const cleaned = await (restore ? rename(path, week) : rm(path, { recursive: true, force: true })).then(() => true, () => false);
        if (cleaned)
            done.push(path);
    }
    done.push(...(await removeOrphanedTempDirs({ tempDir: options.tempDir, isAlive: options.isAlive })));
    return done;
}
async function namesIn(dir) {
    try {
        return await readdir(dir);
    }
    catch {
        return [];
    }
}
async function isFolder(path) {
    try {
        return (await stat(path)).isDirectory();
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=remove-stale-run-files.js.map
/** How an output path is written: replaced by a rename, written in place, or refused (with the reason). */
export type OutputTarget = {
    kind: 'replace';
    path: string;
} | {
    kind: 'in-place';
    path: string;
    what: 'character device' | 'FIFO' | 'file behind /dev or /proc';
} | {
    kind: 'stream';
    path: string;
    stream: 'stdout' | 'stderr';
} | {
    kind: 'refuse';
    path: string;
    reason: string;
};
/**
 * Decides how `path` may be written, following symlinks (a symlink to a regular file is replaced at its target).
 * @example await outputTarget('/dev/null') // { kind: 'in-place', path: '/dev/null', what: 'character device' }
 */
export declare function outputTarget(path: string): Promise<OutputTarget>;
/**
 * Creates a folder and its parents; a failure is UptakeError('output') naming the folder and the errno.
 * @example await ensureFolder('output/.uptake')
 */
export declare function ensureFolder(path: string): Promise<void>;
/**
 * Writes `data` to `path`: a regular file is replaced atomically, a character device (`/dev/null`,
 * `/dev/stdout` on a terminal), a FIFO with a reader or a file reached through `/dev/stdout`
 * (or another link under /dev or /proc) is written in place, appended, and a folder, a block
 * device, a socket or a dangling symlink is refused with UptakeError('output'), as is any
 * system failure (full disk, read-only folder), naming the path.
 * @example await writeFileAtomic('output/2026-W47/metrics.json', json)
 */
export declare function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
/**
 * Builds a directory with `build(tempDir)` and moves it to `path`, replacing an older one. A `path`
 * that exists and is not a folder is refused before anything is built; a symlink to a folder is
 * replaced at its target. System failures while building or swapping (full disk, read-only folder)
 * become UptakeError('output') naming the path.
 * @example await replaceDirAtomic('output/2026-W47', async (dir) => writeFile(join(dir, 'a.txt'), 'a'))
 */
export declare function replaceDirAtomic(path: string, build: (tempDir: string) => Promise<void>): Promise<void>;

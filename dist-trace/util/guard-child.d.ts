/** A watchdog over child process groups and their temp folder; `release()` once they were stopped the ordinary way. */
export interface ChildGuard {
    /** The watchdog's pid. */
    readonly pid: number | undefined;
    /** The guarded temp folder (`uptake-<kind>-<pid>-<random>`): the children keep everything they write in it. */
    readonly dir: string;
    /** Adds a process group (a child spawned `detached` leads its own) once its pid is known. */
    adopt(groupId: number): void;
    /** Lets the watchdog go (it kills what it guards, should any of it still run, removes the folder and exits). Safe to call twice. */
    release(): void;
}
export interface GuardChildOptions {
    /** What the folder is for, in its name: `kernel`, `chromium`. */
    kind: string;
    /** Process groups to guard from the start (the pid of a child spawned `detached`). */
    groups?: number[];
}
/**
 * Makes a temp folder named after this process (`uptake-<kind>-<pid>-<random>`), so that once this
 * process is gone, however it ended, `removeOrphanedTempDirs` knows the folder is nobody's.
 * @example await makeOwnedTempDir('kernelspec') // '/tmp/uptake-kernelspec-4242-a1B2c3'
 */
export declare function makeOwnedTempDir(kind: string): Promise<string>;
/**
 * Makes children end when this process ends, however it ends (kill -9 included, on Linux and macOS),
 * and gives them one temp folder that goes with them: a small watchdog process kills the guarded process
 * groups and every process whose command line holds the folder's path (a child whose pid is not known
 * yet: put the folder on its command line), then removes the folder. The watchdog keeps nothing alive
 * here. Should the watchdog die too (a whole process group killed), `removeOrphanedTempDirs` removes
 * the folder at the next run's start.
 * @example const guard = await guardChild({ kind: 'kernel' }); spawn(..., [join(guard.dir, 'kernel.json')]); guard.adopt(kernel.pid); ...; guard.release();
 */
export declare function guardChild(options: GuardChildOptions): Promise<ChildGuard>;
export interface RemoveOrphansOptions {
    /** Where the folders are; default the system's temp folder. */
    tempDir?: string;
    isAlive?: (pid: number) => boolean;
    /** Milliseconds since the epoch; default Date.now(). */
    now?: number;
}
/**
 * Removes the temp folders of processes that are gone (what their watchdog could not remove: it was
 * killed with them; a store run's batches of links): `uptake-<kind>-<pid>-*` whose pid is not alive, and pid-less
 * `uptake-kernel-*`, `uptake-chromium-*`, `uptake-kernelspec-*`, `uptake-batches-*` of older versions untouched for a
 * day. Returns the paths removed.
 * @example await removeOrphanedTempDirs() // ['/tmp/uptake-kernel-4242-a1B2c3']
 */
export declare function removeOrphanedTempDirs(options?: RemoveOrphansOptions): Promise<string[]>;

/**
 * Whether a process with this id exists on this machine (signal 0 checks without signalling).
 * @example pidIsAlive(process.pid) // true
 */
export declare function pidIsAlive(pid: number): boolean;

/**
 * The text of the state file at `path`, or null when there is none. A path that is not a regular
 * file (a FIFO, a device, a folder, a socket) is UptakeError('output') naming it and `what` it is.
 * @example const text = await readStateFile('output/.uptake/watch-ledger.json', 'the watch ledger') // null when missing
 */
export declare function readStateFile(path: string, what: string): Promise<string | null>;

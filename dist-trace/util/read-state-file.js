import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { UptakeError } from '../errors.js';
import { fileKind } from './file-kind.js';
// A state file (the watch ledger, the run lock, the run log) that is a FIFO would block its reader for
// good, and a device would hand back anything: it is opened without blocking and read only when it
// is a regular file.
/**
 * The text of the state file at `path`, or null when there is none. A path that is not a regular
 * file (a FIFO, a device, a folder, a socket) is UptakeError('output') naming it and `what` it is.
 * @example const text = await readStateFile('output/.uptake/watch-ledger.json', 'the watch ledger') // null when missing
 */
export async function readStateFile(path, what) {
    let handle;
    try {
        handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return null;
        throw error;
    }
    try {
        const info = await handle.stat();
        if (!info.isFile())
            throw new UptakeError('output', `expected ${what} to be a regular file, got ${fileKind(info)}; move it away or name another path`, { file: path });
        return await handle.readFile('utf8');
    }
    finally {
        await handle.close();
    }
}
//# sourceMappingURL=read-state-file.js.map
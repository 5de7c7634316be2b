import { UptakeError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { readStateFile } from '../util/read-state-file.js';
/**
 * Opens the watch ledger at `path`; a missing file is an empty ledger.
 * @example const ledger = await openLedger('output/.uptake/watch-ledger.json'); ledger.has(await hashFile(path))
 */
export async function openLedger(path) {
    const files = new Map();
    const text = await readStateFile(path, 'the watch ledger');
    if (text !== null) {
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch (cause) {
            throw new UptakeError('input', `expected the watch ledger to be JSON written by uptake, got unreadable text (${cause.message}); fix or delete it (deleting reprocesses every file)`, {
                file: path,
                cause,
            });
        }
        if (parsed?.version !== 1 || typeof parsed.files !== 'object' || parsed.files === null) {
            throw new UptakeError('input', `expected a watch ledger with version 1 and a \`files\` object, got ${JSON.stringify(text.slice(0, 80))}`, { file: path });
        }
        for (const [hash, entry] of Object.entries(parsed.files))
            files.set(hash, entry);
    }
    return {
        path,
        has: (sha256) => files.has(sha256),
        get: (sha256) => files.get(sha256),
        add: (sha256, entry) => void files.set(sha256, entry),
        entries: () => [...files.values()],
        get size() {
            return files.size;
        },
        async save() {
            const content = { version: 1, files: Object.fromEntries(files) };
            await writeFileAtomic(path, `${JSON.stringify(content, null, 2)}\n`);
        },
    };
}
//# sourceMappingURL=ledger.js.map
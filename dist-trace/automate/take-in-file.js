import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { lastRecordProbe, unreadable } from './file-is-complete.js';
// `uptake watch` reads a watched file once: that pass hashes it, copies it into the store (a copy the
// writer cannot touch: the run reads that) and checks that it reads to its end (gzip trailer, last
// record whole). A file whose size or mtime moved during the pass is not complete yet.
/**
 * Reads `path` once into `store` (by content hash), unless it is not whole yet.
 * @example await takeInFile('incoming/ai_logs_2026-W47.csv', 'output/.uptake/watch-snapshot/store') // { complete: true, sha256: 'e3b0…', copy: '…/store/e3b0…/ai_logs_2026-W47.csv', … }
 */
export async function takeInFile(path, store) {
    const before = await stat(path);
    await mkdir(store, { recursive: true });
    const partial = join(store, `.incoming-${randomBytes(6).toString('hex')}`);
    const hash = createHash('sha256');
    const probe = lastRecordProbe();
    let bytes = 0;
    const gzip = path.endsWith('.gz');
    try {
        const source = createReadStream(path);
        const hashing = new Transform({
            transform(chunk, _encoding, done) {
                hash.update(chunk);
                bytes += chunk.length;
                if (!gzip)
                    probe.add(chunk);
                done(null, chunk);
            },
        });
        const copying = pipeline(source, hashing, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
        // A gzip file is checked on its decompressed bytes, from the same read (the stream feeds both).
        const probing = gzip
            ? pipeline(hashing, createGunzip(), new Writable({
                write(chunk, _encoding, done) {
                    probe.add(chunk);
                    done();
                },
            }))
            : Promise.resolve();
        await Promise.all([copying, probing]);
    }
    catch (error) {
        await rm(partial, { force: true });
        return unreadable(path, error);
    }
    const verdict = probe.verdict();
    const after = await stat(path).catch(() => null);
    if (verdict.complete && (!after || after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.size !== bytes)) {
        await rm(partial, { force: true });
        return { complete: false, why: 'it changed while it was read' };
    }
    if (!verdict.complete) {
        await rm(partial, { force: true });
        return verdict;
    }
    const sha256 = hash.digest('hex');
    const folder = join(store, sha256);
    await mkdir(folder, { recursive: true });
    const copy = join(folder, basename(path));
    await rename(partial, copy);
    return { complete: true, sha256, bytes, copy, size: before.size, mtimeMs: before.mtimeMs };
}
//# sourceMappingURL=take-in-file.js.map
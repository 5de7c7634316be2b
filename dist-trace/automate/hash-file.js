import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
/**
 * SHA-256 of a file's bytes, streamed (input files can be large).
 * @example await hashFile('data/ai_logs_2026-W47.csv') // 'e3b0c442…'
 */
export async function hashFile(path) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path))
        hash.update(chunk);
    return hash.digest('hex');
}
//# sourceMappingURL=hash-file.js.map
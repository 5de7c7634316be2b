import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';

/**
 * SHA-256 of a file's bytes, streamed (input files can be large).
 * @example await hashFile('data/ai_logs_2026-W47.csv') // 'e3b0c442…'
 */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

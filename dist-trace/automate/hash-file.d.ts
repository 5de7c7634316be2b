/**
 * SHA-256 of a file's bytes, streamed (input files can be large).
 * @example await hashFile('data/ai_logs_2026-W47.csv') // 'e3b0c442…'
 */
export declare function hashFile(path: string): Promise<string>;

/**
 * A file's SHA-256 and its stamp: its identity as stat sees it (device, inode, size, mtime and ctime in
 * nanoseconds) while those bytes were read. A later run that finds the same stamp has the same bytes without
 * reading them (as git and make trust a file's stat): a write moves mtime and ctime, and ctime cannot be set by
 * a program. The stamp is null when it cannot vouch for the bytes: the file changed while it was read, or less
 * than SETTLED_MS before by its own times (a write in the same clock tick as the stat could leave the same stamp
 * on other bytes: git's "racily clean" entries).
 */
export interface HashedFile {
    sha256: string;
    stamp: string | null;
    /** The file's identity when it was hashed (the stamp, settled or not): a reader compares it with identityOf after reading. */
    seen: string;
}
/** How long ago a file's last change must be for its stamp to vouch for its bytes. */
export declare const SETTLED_MS = 2000;
/**
 * SHA-256 of a file's bytes, streamed (input files can be large), with its stamp. `vouched`: the hash and stamp a
 * store's ledger keeps of the file; when the file's stamp is still that one, its hash is taken without a read.
 * A file hashed before in this process and unchanged since is not read again either.
 * @example await hashFileStamped('data/ai_logs_2026-W47.csv', { sha256: 'e3b0c442…', stamp: '2049:1311:…' })
 */
export declare function hashFileStamped(path: string, vouched?: {
    sha256: string;
    stamp: string | null;
}): Promise<HashedFile>;
/**
 * SHA-256 of a file's bytes (see hashFileStamped).
 * @example await hashFile('data/ai_logs_2026-W47.csv') // 'e3b0c442…'
 */
export declare function hashFile(path: string): Promise<string>;
/**
 * A file's identity as stat sees it now (device, inode, size, mtime and ctime in nanoseconds), as HashedFile keeps it:
 * from the opened file (a network file system checks an opened file's attributes, where a bare stat may answer from
 * its cache).
 * @example await identityOf('data/ai_logs_2026-W47.csv') // '2049:1311:52011:1764…:1764…'
 */
export declare function identityOf(path: string): Promise<string>;

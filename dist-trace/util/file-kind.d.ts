import type { Stats } from 'node:fs';
/**
 * What a file system entry is, in words: `a regular file`, `a folder`, `a named pipe (FIFO)`,
 * `a socket`, `a character device`, `a block device`, `a symbolic link`.
 * @example fileKind(await stat('/dev/null')) // 'a character device'
 */
export declare function fileKind(info: Stats): string;

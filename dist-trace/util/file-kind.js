// Every message that says a path is not the regular file (or folder) it should be names what it is
// in the same words.
/**
 * What a file system entry is, in words: `a regular file`, `a folder`, `a named pipe (FIFO)`,
 * `a socket`, `a character device`, `a block device`, `a symbolic link`.
 * @example fileKind(await stat('/dev/null')) // 'a character device'
 */
export function fileKind(info) {
    if (info.isFile())
        return 'a regular file';
    if (info.isDirectory())
        return 'a folder';
    if (info.isFIFO())
        return 'a named pipe (FIFO)';
    if (info.isSocket())
        return 'a socket';
    if (info.isCharacterDevice())
        return 'a character device';
    if (info.isBlockDevice())
        return 'a block device';
    if (info.isSymbolicLink())
        return 'a symbolic link';
    return 'not a regular file';
}
//# sourceMappingURL=file-kind.js.map
import { constants } from 'node:fs';
import { access, lstat, readdir, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UptakeError, isSystemError, systemErrorText } from '../errors.js';
import { fileKind } from '../util/file-kind.js';
const PREFIXES = [
    ['ai_logs', 'ai_logs'],
    ['manual_logs', 'manual_logs'],
    ['user_monthly_summary', 'user_monthly_summary'],
];
export const REQUIRED_KINDS = ['ai_logs', 'manual_logs', 'user_monthly_summary'];
/** The kind a file name announces, or null for files uptake does not read. */
export function kindOfFileName(name) {
    const lower = name.toLowerCase();
    if (!lower.endsWith('.csv') && !lower.endsWith('.csv.gz'))
        return null;
    for (const [prefix, kind] of PREFIXES)
        if (lower.startsWith(prefix))
            return kind;
    return null;
}
/**
 * Lists the input files of a folder by name prefix, in name order.
 * @example await discoverFiles('data/sample') // [{ name: 'ai_logs_2026-W40.csv', kind: 'ai_logs', ... }, ...]
 */
export async function discoverFiles(inputDir, required = REQUIRED_KINDS) {
    let names;
    try {
        names = await readdir(inputDir);
    }
    catch (cause) {
        const code = cause.code;
        const what = code === 'ENOTDIR' ? 'is a file' : code === 'ENOENT' ? 'does not exist' : `cannot be read: ${unreadableText(cause)}`;
        throw new UptakeError('input', `expected an input folder holding ai_logs*, manual_logs* and user_monthly_summary* CSV files, but it ${what}`, { file: inputDir, cause });
    }
    const files = [];
    for (const name of names.sort()) {
        const kind = kindOfFileName(name);
        if (!kind)
            continue;
        const path = join(inputDir, name);
        const info = await readableFile(path);
        files.push({ path, name, kind, gzip: name.toLowerCase().endsWith('.gz'), bytes: info.size });
    }
    for (const kind of required) {
        if (!files.some((file) => file.kind === kind)) {
            throw new UptakeError('input', `expected at least one ${kind}*.csv or ${kind}*.csv.gz file, found none (files: ${names.length ? names.join(', ') : 'none'})`, { file: inputDir });
        }
    }
    return files;
}
// A file named like input that cannot be read would stop the run later with a stack trace, or hang it
// (a FIFO blocks until someone writes): it stops discovery instead, saying what the path is.
/**
 * The file's stats when `path` is a readable regular file (a link to one will do), else the UptakeError saying what it is.
 * @example await readableFile('incoming/ai_logs_2026-W47.csv') // throws `… but it is a named pipe (FIFO)` for a FIFO
 */
export async function readableFile(path) {
    const fail = (what, cause) => new UptakeError('input', `expected a readable CSV file, but it ${what}`, { file: path, cause });
    let info;
    try {
        info = await stat(path);
    }
    catch (cause) {
        const code = cause.code;
        if (code === 'ELOOP')
            throw fail('is a symbolic link in a loop', cause);
        if (code === 'ENOENT') {
            const target = await lstat(path).then((link) => (link.isSymbolicLink() ? readlink(path) : undefined), () => undefined);
            throw fail(target === undefined ? 'disappeared while the folder was read' : `is a symbolic link to \`${target}\`, which does not exist`, cause);
        }
        throw fail(`cannot be read: ${unreadableText(cause)}`, cause);
    }
    if (!info.isFile())
        throw fail(`is ${fileKind(info)}`);
    try {
        await access(path, constants.R_OK);
    }
    catch (cause) {
        throw fail(`cannot be read: ${unreadableText(cause)}`, cause);
    }
    return info;
}
function unreadableText(cause) {
    return isSystemError(cause) ? systemErrorText(cause) : String(cause?.message ?? cause);
}
//# sourceMappingURL=discover-files.js.map
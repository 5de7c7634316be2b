import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { UptakeError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
/** Mime types whose values are text (joined/split by lines on disk), as in nbformat. */
function isTextMime(mime) {
    return mime.startsWith('text/') || mime === 'image/svg+xml' || mime === 'application/javascript';
}
function joinText(value) {
    return Array.isArray(value) ? value.join('') : typeof value === 'string' ? value : '';
}
// nbformat stores text as a list of lines, each but the last ending in "\n".
function splitLines(text) {
    const lines = text.split(/(?<=\n)/);
    return lines.length === 1 && lines[0] === '' ? [] : lines;
}
function mapBundle(bundle, map) {
    return Object.fromEntries(Object.entries(bundle).map(([mime, value]) => isTextMime(mime) && (typeof value === 'string' || Array.isArray(value)) ? [mime, map(value)] : [mime, value]));
}
/**
 * Reads an .ipynb file (nbformat 4) and joins its line lists into strings.
 * @example const notebook = await readNotebook('notebooks/weekly-report.ipynb')
 */
export async function readNotebook(path) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (cause) {
        throw new UptakeError('usage', `expected a readable notebook file, got ${cause.code ?? String(cause)}`, { file: path, cause });
    }
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (cause) {
        throw new UptakeError('notebook', `expected a notebook in JSON: ${cause.message}`, { file: path, cause });
    }
    if (raw?.nbformat !== 4 || !Array.isArray(raw.cells)) {
        throw new UptakeError('notebook', `expected nbformat 4 with a \`cells\` list, got nbformat ${JSON.stringify(raw?.nbformat)}`, { file: path });
    }
    const cells = raw.cells.map((cell) => {
        const parsed = {
            ...cell,
            source: joinText(cell.source),
            metadata: cell.metadata ?? {},
        };
        if (cell.cell_type === 'code') {
            parsed.outputs = (cell.outputs ?? []).map((output) => {
                if (output.output_type === 'stream')
                    return { ...output, text: joinText(output.text) };
                if (output.data)
                    return { ...output, data: mapBundle(output.data, joinText) };
                return output;
            });
            parsed.execution_count = cell.execution_count ?? null;
        }
        return parsed;
    });
    return { ...raw, metadata: raw.metadata ?? {}, cells };
}
// Same bytes as Python's nbformat.write: sorted keys, one-space indent, text split into lines.
/**
 * Serializes a notebook the way Jupyter writes it.
 * @example const json = serializeNotebook(notebook)
 */
export function serializeNotebook(notebook) {
    const cells = notebook.cells.map((cell) => {
        const out = { ...cell, source: splitLines(cell.source) };
        if (cell.cell_type === 'code') {
            out.outputs = (cell.outputs ?? []).map((output) => {
                if (output.output_type === 'stream')
                    return { ...output, text: splitLines(output.text) };
                if (output.output_type === 'display_data' || output.output_type === 'execute_result') {
                    return { ...output, data: mapBundle(output.data, (text) => splitLines(joinText(text))) };
                }
                return output;
            });
        }
        return out;
    });
    return `${JSON.stringify(sortKeys({ ...notebook, cells }), null, 1)}\n`;
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value === null || typeof value !== 'object')
        return value;
    return Object.fromEntries(Object.keys(value)
        .sort()
        .filter((key) => value[key] !== undefined)
        .map((key) => [key, sortKeys(value[key])]));
}
/**
 * Writes a notebook atomically (a reader never sees half a file).
 * @example await writeNotebook('output/weekly-report.ipynb', notebook)
 */
export async function writeNotebook(path, notebook) {
    await writeFileAtomic(path, serializeNotebook(notebook));
}
/** A fresh cell id like nbformat's (8 hex characters), for notebooks of nbformat 4.5 and later. */
export function newCellId() {
    return randomBytes(4).toString('hex');
}
/** The first line of a cell's source, for messages. */
export function describeCell(cell, index) {
    const firstLine = cell.source.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
    const shown = firstLine.length > 60 ? `${firstLine.slice(0, 57)}...` : firstLine;
    return `cell ${index + 1} (${cell.id ? `id ${cell.id}, ` : ''}${JSON.stringify(shown)})`;
}
//# sourceMappingURL=nbformat.js.map
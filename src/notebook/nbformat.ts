import { randomBytes } from 'node:crypto';
import { UptakeError } from '../errors.js';
import { readRegularFile } from '../util/read-state-file.js';
import { writeFileAtomic } from '../util/atomic-write.js';

// nbformat 4 in memory: multi-line text held as one string (the file may hold a list of lines).

export type MimeBundle = Record<string, unknown>;

export type NotebookOutput =
  | { output_type: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | { output_type: 'display_data'; data: MimeBundle; metadata: Record<string, unknown> }
  | { output_type: 'execute_result'; data: MimeBundle; metadata: Record<string, unknown>; execution_count: number | null }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] };

export interface CellMetadata {
  tags?: string[];
  [key: string]: unknown;
}

export interface NotebookCell {
  cell_type: 'code' | 'markdown' | 'raw';
  id?: string;
  source: string;
  metadata: CellMetadata;
  outputs?: NotebookOutput[];
  execution_count?: number | null;
  attachments?: unknown;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: {
    kernelspec?: { name: string; display_name?: string; language?: string };
    language_info?: Record<string, unknown>;
    [key: string]: unknown;
  };
  cells: NotebookCell[];
}

/** Mime types whose values are text (joined/split by lines on disk), as in nbformat. */
function isTextMime(mime: string): boolean {
  return mime.startsWith('text/') || mime === 'image/svg+xml' || mime === 'application/javascript';
}

function joinText(value: unknown): string {
  return Array.isArray(value) ? value.join('') : typeof value === 'string' ? value : '';
}

// nbformat stores text as a list of lines, each but the last ending in "\n".
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

function mapBundle(bundle: MimeBundle, map: (text: string | string[]) => unknown): MimeBundle {
  return Object.fromEntries(
    Object.entries(bundle).map(([mime, value]) =>
      isTextMime(mime) && (typeof value === 'string' || Array.isArray(value)) ? [mime, map(value as string | string[])] : [mime, value],
    ),
  );
}

/**
 * Reads an .ipynb file (nbformat 4) and joins its line lists into strings.
 * @example const notebook = await readNotebook('notebooks/weekly-report.ipynb')
 */
export async function readNotebook(path: string): Promise<Notebook> {
  let text: string;
  try {
    text = await readRegularFile(path, 'the notebook', 'usage');
  } catch (cause) {
    if (cause instanceof UptakeError) throw cause;
    throw new UptakeError('usage', `expected a readable notebook file, got ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, { file: path, cause });
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (cause) {
    throw new UptakeError('notebook', `expected a notebook in JSON: ${(cause as Error).message}`, { file: path, cause });
  }
  if (raw?.nbformat !== 4 || !Array.isArray(raw.cells)) {
    throw new UptakeError('notebook', `expected nbformat 4 with a \`cells\` list, got nbformat ${JSON.stringify(raw?.nbformat)}`, { file: path });
  }
  const cells = (raw.cells as Array<Record<string, unknown>>).map((cell): NotebookCell => {
    const parsed: NotebookCell = {
      ...(cell as unknown as NotebookCell),
      source: joinText(cell.source),
      metadata: (cell.metadata as CellMetadata) ?? {},
    };
    if (cell.cell_type === 'code') {
      parsed.outputs = ((cell.outputs as Array<Record<string, unknown>>) ?? []).map((output) => {
        if (output.output_type === 'stream') return { ...output, text: joinText(output.text) } as NotebookOutput;
        if (output.data) return { ...output, data: mapBundle(output.data as MimeBundle, joinText) } as NotebookOutput;
        return output as unknown as NotebookOutput;
      });
      parsed.execution_count = (cell.execution_count as number | null) ?? null;
    }
    return parsed;
  });
  return { ...(raw as unknown as Notebook), metadata: (raw.metadata as Notebook['metadata']) ?? {}, cells };
}

// Same bytes as Python's nbformat.write: sorted keys, one-space indent, text split into lines.
/**
 * Serializes a notebook the way Jupyter writes it.
 * @example const json = serializeNotebook(notebook)
 */
export function serializeNotebook(notebook: Notebook): string {
  const cells = notebook.cells.map((cell) => {
    const out: Record<string, unknown> = { ...cell, source: splitLines(cell.source) };
    if (cell.cell_type === 'code') {
      out.outputs = (cell.outputs ?? []).map((output) => {
        if (output.output_type === 'stream') return { ...output, text: splitLines(output.text) };
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

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/**
 * Writes a notebook atomically (a reader never sees half a file).
 * @example await writeNotebook('output/weekly-report.ipynb', notebook)
 */
export async function writeNotebook(path: string, notebook: Notebook): Promise<void> {
  await writeFileAtomic(path, serializeNotebook(notebook));
}

/** A fresh cell id like nbformat's (8 hex characters), for notebooks of nbformat 4.5 and later. */
export function newCellId(): string {
  return randomBytes(4).toString('hex');
}

/** The first line of a cell's source, for messages. */
export function describeCell(cell: NotebookCell, index: number): string {
  const firstLine = cell.source.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  const shown = firstLine.length > 60 ? `${firstLine.slice(0, 57)}...` : firstLine;
  return `cell ${index + 1} (${cell.id ? `id ${cell.id}, ` : ''}${JSON.stringify(shown)})`;
}

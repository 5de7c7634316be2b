export type MimeBundle = Record<string, unknown>;
export type NotebookOutput = {
    output_type: 'stream';
    name: 'stdout' | 'stderr';
    text: string;
} | {
    output_type: 'display_data';
    data: MimeBundle;
    metadata: Record<string, unknown>;
} | {
    output_type: 'execute_result';
    data: MimeBundle;
    metadata: Record<string, unknown>;
    execution_count: number | null;
} | {
    output_type: 'error';
    ename: string;
    evalue: string;
    traceback: string[];
};
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
        kernelspec?: {
            name: string;
            display_name?: string;
            language?: string;
        };
        language_info?: Record<string, unknown>;
        [key: string]: unknown;
    };
    cells: NotebookCell[];
}
/**
 * Reads an .ipynb file (nbformat 4) and joins its line lists into strings.
 * @example const notebook = await readNotebook('notebooks/weekly-report.ipynb')
 */
export declare function readNotebook(path: string): Promise<Notebook>;
/**
 * Serializes a notebook the way Jupyter writes it.
 * @example const json = serializeNotebook(notebook)
 */
export declare function serializeNotebook(notebook: Notebook): string;
/**
 * Writes a notebook atomically (a reader never sees half a file).
 * @example await writeNotebook('output/weekly-report.ipynb', notebook)
 */
export declare function writeNotebook(path: string, notebook: Notebook): Promise<void>;
/** A fresh cell id like nbformat's (8 hex characters), for notebooks of nbformat 4.5 and later. */
export declare function newCellId(): string;
/** The first line of a cell's source, for messages. */
export declare function describeCell(cell: NotebookCell, index: number): string;

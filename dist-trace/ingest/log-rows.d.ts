import { TextColumn } from './text-column.js';
import { type LogSource, type TaskStatus } from './types.js';
export interface LogRowInput {
    id: string;
    user: string;
    team: string | null;
    label: string;
    start: number;
    /** Epoch ms, NaN when unknown. */
    end: number;
    status: TaskStatus;
    accuracy: number | null;
    harmful: boolean | null;
    prompt: string | null;
    toolVersion: string | null;
    completeness: number;
    passThrough: Array<[string, string]>;
}
/** A file's rows as numbers: codes (user, team, label, toolVersion), times, status and the like, hashes. */
export interface TypedColumns {
    user: Int32Array;
    team: Int32Array;
    label: Int32Array;
    toolVersion: Int32Array;
    start: Float64Array;
    end: Float64Array;
    accuracy: Float64Array;
    status: Int8Array;
    harmful: Int8Array;
    completeness: Int32Array;
    /** hashString of id and of prompt (0 for none): grouping on the main thread compares these first. */
    idHash: Int32Array;
    promptHash: Int32Array;
}
/** Collects the readable rows of one log file, in input order, for toPart. */
export declare class LogRowsBuilder {
    readonly source: LogSource;
    length: number;
    private readonly id;
    private readonly prompt;
    private readonly dictionary;
    private columns;
    private readonly passThrough;
    /** `expectedRows`: how many rows to make room for at first (more are fine). */
    constructor(source: LogSource, expectedRows?: number);
    /**
     * The value's code in this file's dictionary (-1 for null), added when new: the code its row will hold.
     * @example builder.code('u17') // 0
     */
    code(value: string | null): number;
    private grow;
    /** `ascii`: the row's record was all ASCII, so no value needs checking for characters above U+00FF. */
    push(row: LogRowInput, ascii?: boolean): void;
    /**
     * The rows in a form that crosses threads cheaply: numbers in typed arrays (views of the builder's
     * buffers, which can be transferred: the builder is done with), repeated strings as codes into one small
     * dictionary (-1 is null).
     * @example port.postMessage(builder.toPart(), transferListOf(part))
     */
    toPart(): LogRowsPart;
}
/** One file's rows as LogRowsBuilder.toPart makes them: see there. */
export interface LogRowsPart extends TypedColumns {
    length: number;
    /**
     * The ids end to end as Latin-1 bytes; idEnds[row] is where each ends. Bytes cross threads without a copy,
     * where a string is copied twice (cloning a million short strings costs more still). An id with a
     * character above U+00FF is listed in idWide instead (empty in the bytes).
     */
    idBytes: Uint8Array;
    idEnds: Int32Array;
    idWide: Array<[row: number, value: string]>;
    /** The prompts end to end, as the ids; a null prompt is an empty one. */
    promptBytes: Uint8Array;
    promptEnds: Int32Array;
    promptWide: Array<[row: number, value: string]>;
    /** The strings user, team, label, toolVersion and passThrough hold codes of (-1 is null). */
    dictionary: string[];
    passThrough: Array<[string, Int32Array]>;
}
/**
 * The buffers of a part's typed arrays, to transfer instead of copying.
 * @example parentPort.postMessage(part, transferListOf(part))
 */
export declare function transferListOf(part: LogRowsPart): ArrayBuffer[];
/**
 * The readable rows of one log source, column by column, in input order: typed arrays for numbers,
 * codes into `strings` for repeated strings (-1 is null).
 */
export declare class LogRows {
    readonly source: LogSource;
    readonly length: number;
    /** Ids and prompts stay the bytes each file was read into, and a string is made when read: see TextColumn. */
    readonly id: TextColumn<string>;
    /** The distinct values of user, team, label, toolVersion and the pass-through columns: their codes point here. */
    readonly strings: string[];
    readonly user: Int32Array;
    readonly team: Int32Array;
    readonly label: Int32Array;
    /** Epoch ms, UTC. */
    readonly start: Float64Array;
    /** Epoch ms, NaN when unknown. */
    readonly end: Float64Array;
    /** Codes into TASK_STATUSES. */
    readonly status: Int8Array;
    /** NaN when null. */
    readonly accuracy: Float64Array;
    /** -1 null, 0 false, 1 true. */
    readonly harmful: Int8Array;
    readonly prompt: TextColumn<null>;
    readonly toolVersion: Int32Array;
    /** Non-empty fields of the row (exact duplicates keep the most complete). */
    readonly completeness: Int32Array;
    /** hashString of id and of prompt (0 for none). */
    readonly idHash: Int32Array;
    readonly promptHash: Int32Array;
    readonly passThrough: Map<string, Int32Array<ArrayBufferLike>>;
    /**
     * The rows of the files' parts, in the order given (file order).
     * @example const rows = new LogRows('ai_logs', [partOfFile0, partOfFile1])
     */
    constructor(source: LogSource, parts?: LogRowsPart[]);
}

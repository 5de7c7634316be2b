import { Dictionary, recodeInto } from '../columns/index.js';
import { hashString } from '../util/hash-string.js';
import { TextColumn } from './text-column.js';
import { TASK_STATUSES } from './types.js';
/** A status's code in the status column: its place in TASK_STATUSES. */
const STATUS_CODE = Object.fromEntries(TASK_STATUSES.map((status, code) => [status, code]));
/**
 * Typed columns for `capacity` rows; with `from`, they hold its rows: new buffers when it has fewer,
 * views of its buffers when it has room (the first `capacity` rows).
 */
function typedColumns(capacity, from) {
    const column = (make, old) => {
        if (old === undefined)
            return new make(capacity);
        if (old.length >= capacity)
            return old.subarray(0, capacity);
        const grown = new make(capacity);
        grown.set(old);
        return grown;
    };
    return {
        user: column(Int32Array, from?.user), team: column(Int32Array, from?.team), label: column(Int32Array, from?.label), toolVersion: column(Int32Array, from?.toolVersion),
        start: column(Float64Array, from?.start), end: column(Float64Array, from?.end), accuracy: column(Float64Array, from?.accuracy),
        status: column(Int8Array, from?.status), harmful: column(Int8Array, from?.harmful), completeness: column(Int32Array, from?.completeness),
        idHash: column(Int32Array, from?.idHash), promptHash: column(Int32Array, from?.promptHash),
    };
}
// Columns, not row objects: a 1 M-row file stays a few parallel arrays of numbers and shared strings.
// Pushing doubles onto growing JavaScript arrays costs more than parsing them: numbers go into typed arrays.
/** Collects the readable rows of one log file, in input order, for toPart. */
export class LogRowsBuilder {
    source;
    length = 0;
    id = new JoinedStrings();
    prompt = new JoinedStrings(); // prompts are mostly unique: a dictionary would only cost
    // Repeated strings (users, teams, labels, versions, pass-through values) are codes into one dictionary.
    dictionary = new Dictionary();
    columns;
    passThrough = new Map();
    // Memory a typed array never writes to is never touched, so a generous first size costs nothing, where
    // growing copies every column (and fresh memory is slow to touch on virtual machines).
    /** `expectedRows`: how many rows to make room for at first (more are fine). */
    constructor(source, expectedRows = 1024) {
        this.source = source;
        this.columns = typedColumns(Math.max(16, Math.ceil(expectedRows)));
    }
    /**
     * The value's code in this file's dictionary (-1 for null), added when new: the code its row will hold.
     * @example builder.code('u17') // 0
     */
    code(value) {
        return value === null ? -1 : this.dictionary.code(value);
    }
    grow() {
        this.columns = typedColumns(this.columns.user.length * 2, this.columns);
    }
    /** `ascii`: the row's record was all ASCII, so no value needs checking for characters above U+00FF. */
    push(row, ascii = false) {
        if (this.length === this.columns.user.length)
            this.grow();
        const at = this.length;
        const columns = this.columns;
        this.id.push(row.id, ascii);
        this.prompt.push(row.prompt, ascii);
        columns.user[at] = this.code(row.user);
        columns.team[at] = this.code(row.team);
        columns.label[at] = this.code(row.label);
        columns.toolVersion[at] = this.code(row.toolVersion);
        columns.start[at] = row.start;
        columns.end[at] = row.end;
        columns.status[at] = STATUS_CODE[row.status];
        columns.accuracy[at] = row.accuracy ?? Number.NaN;
        columns.harmful[at] = row.harmful === null ? -1 : row.harmful ? 1 : 0;
        columns.completeness[at] = row.completeness;
        columns.idHash[at] = hashString(row.id);
        columns.promptHash[at] = row.prompt === null ? 0 : hashString(row.prompt);
        for (const [name, value] of row.passThrough) {
            let column = this.passThrough.get(name);
            if (!column) {
                column = new Array(this.length).fill(-1);
                this.passThrough.set(name, column);
            }
            column.push(this.code(value));
        }
        this.length += 1;
        // Columns this row has no value for get a null (names are unique per row, so equal counts mean none).
        if (row.passThrough.length < this.passThrough.size) {
            for (const column of this.passThrough.values())
                if (column.length < this.length)
                    column.push(-1);
        }
    }
    /**
     * The rows in a form that crosses threads cheaply: numbers in typed arrays (views of the builder's
     * buffers, which can be transferred: the builder is done with), repeated strings as codes into one small
     * dictionary (-1 is null).
     * @example port.postMessage(builder.toPart(), transferListOf(part))
     */
    toPart() {
        const length = this.length;
        return {
            length, ...this.id.finish('id'), ...this.prompt.finish('prompt'), dictionary: this.dictionary.values,
            ...typedColumns(length, this.columns),
            passThrough: [...this.passThrough].map(([name, codes]) => [name, Int32Array.from(codes)]),
        };
    }
}
/**
 * The buffers of a part's typed arrays, to transfer instead of copying.
 * @example parentPort.postMessage(part, transferListOf(part))
 */
export function transferListOf(part) {
    const arrays = [part.idBytes, part.idEnds, part.promptBytes, part.promptEnds, part.user, part.team, part.label, part.toolVersion, part.start, part.end, part.accuracy, part.status, part.harmful, part.completeness, part.idHash, part.promptHash];
    return [...arrays, ...part.passThrough.map(([, codes]) => codes)].map((array) => array.buffer);
}
// Repeated strings stay codes on the main thread too: a column of codes is a quarter of the memory of a
// column of strings, and grouping compares numbers. Strings are looked up only for the finished tasks.
/**
 * The readable rows of one log source, column by column, in input order: typed arrays for numbers,
 * codes into `strings` for repeated strings (-1 is null).
 */
export class LogRows {
    source;
    length;
    /** Ids and prompts stay the bytes each file was read into, and a string is made when read: see TextColumn. */
    id;
    /** The distinct values of user, team, label, toolVersion and the pass-through columns: their codes point here. */
    strings;
    user;
    team;
    label;
    /** Epoch ms, UTC. */
    start;
    /** Epoch ms, NaN when unknown. */
    end;
    /** Codes into TASK_STATUSES. */
    status;
    /** NaN when null. */
    accuracy;
    /** -1 null, 0 false, 1 true. */
    harmful;
    prompt;
    toolVersion;
    /** Non-empty fields of the row (exact duplicates keep the most complete). */
    completeness;
    /** hashString of id and of prompt (0 for none). */
    idHash;
    promptHash;
    passThrough = new Map();
    // Parts are joined once, into arrays of the final size: no growing, no per-row calls.
    /**
     * The rows of the files' parts, in the order given (file order).
     * @example const rows = new LogRows('ai_logs', [partOfFile0, partOfFile1])
     */
    constructor(source, parts = []) {
        this.source = source;
        const total = parts.reduce((sum, part) => sum + part.length, 0);
        this.length = total;
        this.id = new TextColumn(parts.map((part) => ({ bytes: part.idBytes, ends: part.idEnds, wide: part.idWide })), '');
        this.prompt = new TextColumn(parts.map((part) => ({ bytes: part.promptBytes, ends: part.promptEnds, wide: part.promptWide })), null);
        this.user = new Int32Array(total);
        this.team = new Int32Array(total);
        this.label = new Int32Array(total);
        this.toolVersion = new Int32Array(total);
        this.start = new Float64Array(total);
        this.end = new Float64Array(total);
        this.accuracy = new Float64Array(total);
        this.status = new Int8Array(total);
        this.harmful = new Int8Array(total);
        this.completeness = new Int32Array(total);
        this.idHash = new Int32Array(total);
        this.promptHash = new Int32Array(total);
        const strings = new Dictionary();
        this.strings = strings.values;
        let offset = 0;
        for (const part of parts) {
            // each part numbers its own strings: its codes become codes into `strings`
            const codes = strings.recode(part.dictionary);
            recodeInto(part.user, codes, this.user, offset);
            recodeInto(part.team, codes, this.team, offset);
            recodeInto(part.label, codes, this.label, offset);
            recodeInto(part.toolVersion, codes, this.toolVersion, offset);
            this.start.set(part.start, offset);
            this.end.set(part.end, offset);
            this.accuracy.set(part.accuracy, offset);
            this.status.set(part.status, offset);
            this.harmful.set(part.harmful, offset);
            this.completeness.set(part.completeness, offset);
            this.idHash.set(part.idHash, offset);
            this.promptHash.set(part.promptHash, offset);
            for (const [name, partCodes] of part.passThrough) {
                let column = this.passThrough.get(name);
                if (!column)
                    this.passThrough.set(name, (column = new Int32Array(total).fill(-1)));
                recodeInto(partCodes, codes, column, offset);
            }
            offset += part.length;
        }
    }
}
const WIDE = /[^\u0000-\u00ff]/;
/** Strings joined at a time: long enough that few objects survive to the end, short enough to stay in the young generation. */
const JOIN_EVERY = 2048;
// A million short strings held until the end of a file are a million objects for the garbage collector to
// copy and promote: they are joined a batch at a time into a few long strings, and written end to end as
// Latin-1 bytes at the end. A value with a character above U+00FF is set apart as it comes (only records
// outside ASCII are checked): it has no Latin-1 byte.
/** A column of strings (null as empty) built row by row into LogRowsPart's bytes, ends and wide values. */
class JoinedStrings {
    batch = [];
    chunks = [];
    wide = [];
    ends = new Int32Array(1024);
    length = 0;
    end = 0;
    push(value, ascii) {
        if (this.length === this.ends.length) {
            const bigger = new Int32Array(this.ends.length * 2);
            bigger.set(this.ends);
            this.ends = bigger;
        }
        if (!ascii && value !== null && WIDE.test(value)) {
            this.wide.push([this.length, value]);
        }
        else {
            this.batch.push(value);
            this.end += value?.length ?? 0;
            if (this.batch.length === JOIN_EVERY)
                this.flush();
        }
        this.ends[this.length] = this.end;
        this.length += 1;
    }
    /** The strings as LogRowsPart holds them, under `name`Bytes, `name`Ends and `name`Wide. */
    finish(name) {
        this.flush();
        // its own buffer (never Node's shared pool), so that it can be transferred
        const bytes = new Uint8Array(this.end);
        const writer = Buffer.from(bytes.buffer);
        let at = 0;
        for (const chunk of this.chunks)
            at += writer.write(chunk, at, 'latin1');
        return { [`${name}Bytes`]: bytes, [`${name}Ends`]: this.ends.subarray(0, this.length), [`${name}Wide`]: this.wide };
    }
    flush() {
        this.chunks.push(this.batch.join(''));
        this.batch = [];
    }
}
//# sourceMappingURL=log-rows.js.map
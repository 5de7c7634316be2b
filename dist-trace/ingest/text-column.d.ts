/** One file's strings end to end, as LogRowsPart holds them: see LogRowsPart.idBytes. */
export interface JoinedText {
    /** Latin-1: a byte a character. */
    bytes: Uint8Array;
    /** Where each row's string ends in `bytes`. */
    ends: Int32Array;
    /** Rows whose string holds a character above U+00FF (empty in `bytes`). */
    wide: Array<[row: number, value: string]>;
}
/**
 * A column of strings kept as the joined bytes of its files: `at(row)` makes one, `empty` stands for
 * an empty string. Reads as an arquero column (length, at, iteration).
 * @example new TextColumn([{ bytes: Buffer.from('e1e22', 'latin1'), ends: Int32Array.of(2, 4, 5), wide: [] }], '').at(1) // 'e2'
 */
export declare class TextColumn<Empty extends string | null> {
    private readonly empty;
    readonly length: number;
    private readonly bytes;
    private readonly ends;
    /** The first row of each part, and the length as a last entry. */
    private readonly firstRows;
    private readonly wide;
    constructor(parts: JoinedText[], empty: Empty);
    /**
     * The string of a row (`empty` for an empty one).
     * @example ids.at(0) // 'e1'
     */
    at(row: number): string | Empty;
    /**
     * Whether two rows hold the same string, compared byte by byte without making either.
     * @example ids.equals(0, 2) // false
     */
    equals(row: number, other: number): boolean;
    /**
     * Whether a row's string is empty, without making it.
     * @example prompts.isEmpty(3) // true
     */
    isEmpty(row: number): boolean;
    [Symbol.iterator](): IterableIterator<string | Empty>;
    private startOf;
    private partOf;
}

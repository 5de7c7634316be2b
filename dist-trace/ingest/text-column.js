// A million short strings made up front cost more than reading them: each is an object that the garbage
// collector copies twice before it settles (about 0.5 s of a 2.5 M-row run), and no metric reads them.
// Each file's strings stay the bytes its reading thread wrote, and a row's string is made when asked for.
/**
 * A column of strings kept as the joined bytes of its files: `at(row)` makes one, `empty` stands for
 * an empty string. Reads as an arquero column (length, at, iteration).
 * @example new TextColumn([{ bytes: Buffer.from('e1e22', 'latin1'), ends: Int32Array.of(2, 4, 5), wide: [] }], '').at(1) // 'e2'
 */
export class TextColumn {
    empty;
    length;
    bytes;
    ends;
    /** The first row of each part, and the length as a last entry. */
    firstRows;
    wide = new Map();
    constructor(parts, empty) {
        this.empty = empty;
        this.bytes = parts.map((part) => Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength));
        this.ends = parts.map((part) => part.ends);
        this.firstRows = new Int32Array(parts.length + 1);
        parts.forEach((part, index) => {
            this.firstRows[index + 1] = this.firstRows[index] + part.ends.length;
            for (const [row, value] of part.wide)
                this.wide.set(this.firstRows[index] + row, value);
        });
        this.length = this.firstRows[parts.length];
    }
    /**
     * The string of a row (`empty` for an empty one).
     * @example ids.at(0) // 'e1'
     */
    at(row) {
        const part = this.partOf(row);
        const from = this.startOf(part, row);
        const to = this.ends[part][row - this.firstRows[part]];
        if (from === to)
            return this.wide.get(row) ?? this.empty;
        return this.bytes[part].toString('latin1', from, to);
    }
    /**
     * Whether two rows hold the same string, compared byte by byte without making either.
     * @example ids.equals(0, 2) // false
     */
    equals(row, other) {
        const part = this.partOf(row);
        const otherPart = this.partOf(other);
        const start = this.startOf(part, row);
        const length = this.ends[part][row - this.firstRows[part]] - start;
        const otherStart = this.startOf(otherPart, other);
        if (length === 0 || this.ends[otherPart][other - this.firstRows[otherPart]] - otherStart !== length) {
            return length === 0 ? this.at(row) === this.at(other) : false; // an empty or a wide string: compare the values
        }
        const bytes = this.bytes[part];
        const otherBytes = this.bytes[otherPart];
        for (let offset = 0; offset < length; offset += 1)
            if (bytes[start + offset] !== otherBytes[otherStart + offset])
                return false;
        return true;
    }
    /**
     * Whether a row's string is empty, without making it.
     * @example prompts.isEmpty(3) // true
     */
    isEmpty(row) {
        const part = this.partOf(row);
        return this.startOf(part, row) === this.ends[part][row - this.firstRows[part]] && !this.wide.has(row);
    }
    *[Symbol.iterator]() {
        for (let row = 0; row < this.length; row += 1)
            yield this.at(row);
    }
    startOf(part, row) {
        const local = row - this.firstRows[part];
        return local === 0 ? 0 : this.ends[part][local - 1];
    }
    partOf(row) {
        if (row < 0 || row >= this.length)
            throw new RangeError(`row ${row} is outside the column's ${this.length} rows`);
        let low = 0;
        let high = this.bytes.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >>> 1;
            if (this.firstRows[middle] <= row)
                low = middle;
            else
                high = middle - 1;
        }
        return low;
    }
}
//# sourceMappingURL=text-column.js.map
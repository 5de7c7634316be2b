/** One file's strings end to end, as LogRowsPart holds them: see LogRowsPart.idText. */
export interface JoinedText {
  text: string;
  /** Where each row's string ends in `text`. */
  ends: Int32Array;
  /** Rows whose string holds a character above U+00FF (empty in `text`). */
  wide: Array<[row: number, value: string]>;
}

// A million short strings made up front cost more than reading them: each is an object that the garbage
// collector copies twice before it settles (about 0.5 s of a 2.5 M-row run), and no metric reads them.
// Each file's text stays one string, and a row's string is cut from it when someone asks for it.
/**
 * A column of strings kept as the joined texts of its files: `at(row)` cuts one out, `empty` stands for
 * an empty string. Reads as an arquero column (length, at, iteration).
 * @example new TextColumn([{ text: 'e1e22', ends: Int32Array.of(2, 4, 5), wide: [] }], '').at(1) // 'e2'
 */
export class TextColumn<Empty extends string | null> {
  readonly length: number;
  private readonly texts: string[];
  private readonly ends: Int32Array[];
  /** The first row of each part, and the length as a last entry. */
  private readonly firstRows: Int32Array;
  private readonly wide = new Map<number, string>();

  constructor(parts: JoinedText[], private readonly empty: Empty) {
    this.texts = parts.map((part) => part.text);
    this.ends = parts.map((part) => part.ends);
    this.firstRows = new Int32Array(parts.length + 1);
    parts.forEach((part, index) => {
      this.firstRows[index + 1] = this.firstRows[index] + part.ends.length;
      for (const [row, value] of part.wide) this.wide.set(this.firstRows[index] + row, value);
    });
    this.length = this.firstRows[parts.length];
  }

  /**
   * The string of a row (`empty` for an empty one).
   * @example ids.at(0) // 'e1'
   */
  at(row: number): string | Empty {
    const part = this.partOf(row);
    const local = row - this.firstRows[part];
    const ends = this.ends[part];
    const from = local === 0 ? 0 : ends[local - 1];
    const to = ends[local];
    if (from === to) return this.wide.get(row) ?? this.empty;
    return this.texts[part].slice(from, to);
  }

  /**
   * Whether a row's string is empty, without cutting it out.
   * @example prompts.isEmpty(3) // true
   */
  isEmpty(row: number): boolean {
    const part = this.partOf(row);
    const local = row - this.firstRows[part];
    const ends = this.ends[part];
    return (local === 0 ? 0 : ends[local - 1]) === ends[local] && !this.wide.has(row);
  }

  *[Symbol.iterator](): IterableIterator<string | Empty> {
    for (let row = 0; row < this.length; row += 1) yield this.at(row);
  }

  private partOf(row: number): number {
    if (row < 0 || row >= this.length) throw new RangeError(`row ${row} is outside the column's ${this.length} rows`);
    let low = 0;
    let high = this.texts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.firstRows[middle] <= row) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

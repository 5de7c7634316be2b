/**
 * FNV-1a over UTF-16 code units, as a signed 32-bit integer. Equal strings have equal hashes.
 * @example hashString('evt-1') === hashString('evt-1') // true
 */
export declare function hashString(text: string): number;

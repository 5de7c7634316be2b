// Grouping a million fresh strings in a Map makes the main thread hash each one; a hash computed where the
// string was read (on a reading thread) lets grouping compare numbers and check the strings only on a match.
/**
 * FNV-1a over UTF-16 code units, as a signed 32-bit integer. Equal strings have equal hashes.
 * @example hashString('evt-1') === hashString('evt-1') // true
 */
export function hashString(text) {
    let hash = 0x811c9dc5;
    for (let index = 0; index < text.length; index += 1) {
        hash ^= text.charCodeAt(index);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash | 0;
}
//# sourceMappingURL=hash-string.js.map
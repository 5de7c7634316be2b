import { UptakeError } from '../errors.js';
// Positions of the NUL bytes that ASCII text (every header) has in each encoding, per code unit.
const PATTERNS = [
    ['UTF-32LE', 4, [1, 2, 3]],
    ['UTF-32BE', 4, [0, 1, 2]],
    ['UTF-16LE', 2, [1]],
    ['UTF-16BE', 2, [0]],
];
/** Bytes looked at, and enough to tell a wide encoding by: the first header names. */
export const WIDE_SAMPLE_BYTES = 256;
// UTF-16 without a BOM is valid UTF-8 byte for byte (NULs between letters): the file would read as one
// unknown column. Such files are told by their BOM, else by NULs where the encoding puts them in ASCII.
/**
 * The UTF-16 or UTF-32 encoding `bytes` (a file's start) are in, or undefined (UTF-8 or other).
 * @example wideEncodingOf(Buffer.from('id,user\n', 'utf16le')) // 'UTF-16LE'
 */
export function wideEncodingOf(bytes) {
    const [b0, b1, b2, b3] = bytes;
    if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff)
        return 'UTF-32BE';
    if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00)
        return 'UTF-32LE';
    if (b0 === 0xfe && b1 === 0xff)
        return 'UTF-16BE';
    if (b0 === 0xff && b1 === 0xfe)
        return 'UTF-16LE';
    const sample = bytes.subarray(0, WIDE_SAMPLE_BYTES);
    for (const [encoding, unitBytes, nulAt] of PATTERNS) {
        const units = Math.floor(sample.length / unitBytes);
        if (units < 2)
            continue;
        let matching = 0;
        for (let unit = 0; unit < units; unit += 1) {
            const at = unit * unitBytes;
            let nuls = 0;
            for (let index = 0; index < unitBytes; index += 1)
                if (sample[at + index] === 0)
                    nuls += 1;
            if (nuls === nulAt.length && nulAt.every((offset) => sample[at + offset] === 0))
                matching += 1;
        }
        // a non-Latin letter breaks the pattern here and there; UTF-8 text has no run of NULs at all
        if (matching * 4 >= units * 3)
            return encoding;
    }
    return undefined;
}
/**
 * The error of a file in a wide encoding.
 * @example throw wideEncodingError('in/ai_logs.csv', 'UTF-16LE')
 */
export function wideEncodingError(file, encoding) {
    return new UptakeError('input', `the file is ${encoding}; expected UTF-8 (save or export it as UTF-8, e.g. \`iconv -f ${encoding} -t UTF-8\`)`, { file });
}
//# sourceMappingURL=wide-encoding.js.map
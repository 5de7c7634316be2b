import type { GeneratedDataset, GeneratedFile, GenerateOptions } from './types.js';
export declare const GENERATE_DEFAULTS: {
    readonly users: 60;
    readonly weeks: 8;
    readonly seed: 1;
};
/**
 * The generator's core: simulates, hands each file to `onFile` as soon as it is complete (so a
 * caller can stream files to disk), then computes the truth and the README.
 * @example const { truth } = streamDataset(options, (file) => writeFileSync(file.name, file.content))
 */
export declare function streamDataset(options: GenerateOptions, onFile: (file: GeneratedFile) => void): Omit<GeneratedDataset, 'files'>;
/**
 * Builds a synthetic input folder in memory, every defect of CONTRACT sections 1-2 included, and the
 * truth a correct pipeline must report on it. Pure: the same options give the same bytes.
 * For large sets prefer `writeGeneratedDataset`, which streams the files to disk.
 * @example const { files, truth } = generateDataset({ seed: 1, users: 60, weeks: 8, endWeek: '2026-W47' })
 */
export declare function generateDataset(options: GenerateOptions): GeneratedDataset;

import type { GeneratedFile, GroundTruth } from './types.js';
/**
 * The README that sits beside a generated set: what it holds, its defects and its planted story.
 * @example describeDataset(truth, files).startsWith('# Synthetic uptake sample') // true
 */
export declare function describeDataset(truth: GroundTruth, files: Array<Pick<GeneratedFile, 'name' | 'rows'>>): string;

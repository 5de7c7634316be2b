/**
 * The folder a notebook's relative paths mean: the nearest one at or above `start` holding a package.json.
 * @example findProjectRoot('/work/app/notebooks') // '/work/app'
 */
export declare function findProjectRoot(start?: string): string;

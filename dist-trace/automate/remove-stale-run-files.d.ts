export interface RemoveStaleOptions {
    /** Where kernels, Chromium and a store run's batches keep their temp folders; default the system's temp folder. */
    tempDir?: string;
    isAlive?: (pid: number) => boolean;
}
/**
 * Removes what dead runs left: staging folders in `outputDir` (the caller holds its run lock), and
 * the temp folders of processes that are gone (`removeOrphanedTempDirs`, the rule of the watchdog's folders). A week
 * folder that a crash left only as its `.old` copy is put back. Returns the paths removed or restored.
 * @example await removeStaleRunFiles('output') // ['output/.2026-W47.3f9a0c1b2d4e.tmp', '/tmp/uptake-kernel-4242-a1B2c3']
 */
export declare function removeStaleRunFiles(outputDir: string, options?: RemoveStaleOptions): Promise<string[]>;

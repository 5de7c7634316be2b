/**
 * Where uptake keeps its unattended-run state, inside the output folder.
 * @example statePaths('output').runLog // 'output/.uptake/runs.jsonl'
 */
export declare function statePaths(outputDir: string): {
    dir: string;
    runLog: string;
    runLock: string;
    watchLedger: string;
    deadMan: string;
    alertLedger: string;
};

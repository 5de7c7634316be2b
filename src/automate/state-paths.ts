import { join } from 'node:path';

/**
 * Where uptake keeps its unattended-run state, inside the output folder.
 * @example statePaths('output').runLog // 'output/.uptake/runs.jsonl'
 */
export function statePaths(outputDir: string): { dir: string; runLog: string; runLock: string; watchLedger: string; watchWaiting: string; deadMan: string; alertLedger: string; unfinishedRuns: string; watchDeliveries: string } {
  const dir = join(outputDir, '.uptake');
  return {
    dir,
    runLog: join(dir, 'runs.jsonl'),
    runLock: join(dir, 'run.lock'),
    watchLedger: join(dir, 'watch-ledger.json'),
    watchWaiting: join(dir, 'watch-waiting.json'),
    deadMan: join(dir, 'dead-man.json'),
    alertLedger: join(dir, 'alert-ledger.json'),
    unfinishedRuns: join(dir, 'unfinished-runs.json'),
    watchDeliveries: join(dir, 'watch-deliveries.json'),
  };
}

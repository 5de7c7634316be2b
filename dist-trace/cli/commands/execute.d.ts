import type { Command } from 'commander';
/** `uptake execute NOTEBOOK`: papermill for TypeScript notebooks on the tslab kernel. */
export declare function registerExecute(program: Command): void;

import type { Command } from 'commander';
/** `uptake kernel install|doctor`: the tslab Jupyter kernel the notebooks run on. */
export declare function registerKernel(program: Command): void;

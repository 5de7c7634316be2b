import type { Command } from 'commander';
export declare function registerDoctor(program: Command): void;

import type { Command } from 'commander';
export declare function registerStatus(program: Command): void;

#!/usr/bin/env node
import { Command } from 'commander';
/** Builds the `uptake` command tree; every command lives in `cli/commands/`. */
export declare function buildProgram(): Promise<Command>;

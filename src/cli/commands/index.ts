import type { Command } from 'commander';
import { registerExecute } from './execute.js';
import { registerValidate } from './validate.js';
import { registerMetrics } from './metrics.js';
import { registerGenerate } from './generate.js';

/** One line per command; each module registers its own options and help. */
export const registrations: Array<(program: Command) => void> = [
  registerExecute,
  registerValidate,
  registerMetrics,
  registerGenerate,
];

import type { Command } from 'commander';

/** One line per command; each module registers its own options and help. */
export const registrations: Array<(program: Command) => void> = [];

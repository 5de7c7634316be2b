import type { Command } from 'commander';
/**
 * One line per command; each module registers its own options and help, and imports what the
 * command runs inside its action, so a command loads only its own code (and `--help` none).
 */
export declare const registrations: Array<(program: Command) => void>;

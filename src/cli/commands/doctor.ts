import type { Command } from 'commander';

interface DoctorCommandOptions {
  config?: string;
  out?: string;
  notebook?: string;
  quick?: boolean;
}

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description(
      'Check, without running the report, everything a run needs: the config, the output and input folders, the channels and their secrets, the SMTP server (connect and log in), the Slack webhook host, the warehouse (PostgreSQL answers, DuckDB folder writable), the store a run keeps (its tables add up), the report template (it renders: from the reportTemplates folder of the config, else from templates/), Chromium and the notebook kernel (both started once)',
    )
    .option('-c, --config <file>', 'config file (default: ./uptake.config.json when present)')
    .option('-o, --out <dir>', 'output root (default: config `output`)')
    .option('--notebook <file>', 'report notebook whose kernel is started (default: notebooks/weekly-report.ipynb)')
    .option('--quick', 'look Chromium and the kernel up without starting them')
    .addHelpText(
      'after',
      `
One line per check on stdout: ok or FAIL, its name, and what was found. Nothing is emailed or posted.

Example:
  uptake doctor --config uptake.config.json

Exit codes: 0 every check passed; otherwise the code of the first failed check's kind: 3 input,
4 config (also an unreadable config), 7 SMTP or Slack, 8 warehouse, 9 environment (Chromium,
kernel, output folder, or a check that timed out: each has a time limit, and one past it fails as
"timed out after N s" while the others are still checked).`,
    )
    .action(async (options: DoctorCommandOptions) => {
      const { readConfig } = await import('../../config/read-config.js');
      const config = await readConfig(options.config);
      const [{ runDoctor, doctorFailure }, { DEFAULT_NOTEBOOK }] = await Promise.all([import('../../automate/doctor.js'), import('../../pipeline.js')]);
      const checks = await runDoctor(config, {
        outDir: options.out,
        notebook: options.notebook ?? DEFAULT_NOTEBOOK,
        quick: options.quick,
        onCheck: (check) => process.stdout.write(`${check.ok ? 'ok  ' : 'FAIL'}  ${check.name.padEnd(9)}  ${check.detail}\n`),
      });
      const failure = doctorFailure(checks);
      if (failure) throw failure;
    });
}

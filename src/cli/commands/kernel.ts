import type { Command } from 'commander';
import { UptakeError } from '../../errors.js';

interface KernelInstallOptions {
  user?: boolean;
  sysPrefix?: boolean;
  prefix?: string;
  name: string;
}

/** `uptake kernel install|doctor`: the tslab Jupyter kernel the notebooks run on. */
export function registerKernel(program: Command): void {
  const kernel = program.command('kernel').description("The notebooks' TypeScript kernel (tslab): register it with Jupyter, or find out why it does not start");

  kernel
    .command('install')
    .description('Register the tslab kernelspec with Jupyter, naming this Node and the project\'s tslab by absolute path (replaces an earlier one)')
    .option('--user', "the user's Jupyter data folder (default)")
    .option('--sys-prefix', "the Python environment's folder (a virtualenv or conda env running Jupyter)")
    .option('--prefix <dir>', '<dir>/share/jupyter/kernels')
    .option('--name <name>', 'kernelspec name', 'tslab')
    .addHelpText('after', '\nRe-run it after moving the project or changing Node. Exit codes: 0 ok; 2 usage; 9 Jupyter missing or the install failed.\n')
    .action(async (options: KernelInstallOptions) => {
      const chosen = [options.user && '--user', options.sysPrefix && '--sys-prefix', options.prefix !== undefined && '--prefix'].filter(Boolean);
      if (chosen.length > 1) throw new UptakeError('usage', `expected at most one of --user, --sys-prefix, --prefix, got ${chosen.join(' and ')}`);
      const { installKernelspec } = await import('../../notebook/install-kernelspec.js');
      const scope = options.sysPrefix ? 'sys-prefix' : options.prefix !== undefined ? { prefix: options.prefix } : 'user';
      const installed = await installKernelspec({ scope, name: options.name });
      process.stderr.write(`registered kernel \`${installed.name}\`: ${installed.kernelJson.argv.join(' ')}\n`);
      process.stdout.write(`${installed.resourceDir}\n`);
    });

  kernel
    .command('doctor')
    .description('Check Jupyter, the kernelspec a run would use, its binaries, and that the kernel starts and runs a cell as in a run')
    .option('--name <name>', 'kernelspec name', 'tslab')
    .option('--no-start', 'skip starting the kernel')
    .addHelpText('after', '\nOne line per check (ok or FAIL, with what to do). Each check has a time limit (jupyter 60 s, kernelspec 20 s, start 200 s): one past it fails as \`timed out after N s\`. Exit codes: 0 all ok; 9 a check failed or timed out.\n')
    .action(async (options: { name: string; start: boolean }) => {
      const { kernelDoctor } = await import('../../notebook/kernel-doctor.js');
      // (each line as its check is done: a slow check does not hide the ones before it)
      const checks = await kernelDoctor({ name: options.name, start: options.start, onCheck: (check) => process.stdout.write(`${check.ok ? 'ok  ' : 'FAIL'} ${check.check}: ${check.detail}\n`) });
      const failed = checks.find((check) => !check.ok);
      if (failed) throw new UptakeError('environment', `kernel \`${options.name}\`: ${failed.check} check failed (see above)`);
    });
}

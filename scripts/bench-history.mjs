#!/usr/bin/env node
// npm run bench:history: what a weekly run costs once history piles up, with the store of cleaned data.
// For each history length (26 and 52 weeks by default) of a few thousand users it times, with `uptake metrics`:
//   first:       the first run through a fresh store over all weeks but the last (every file read),
//   incremental: the run after the last week lands (the store skips every earlier file),
//   week alone:  a run without a store over the last week's files alone (the yardstick),
//   scratch:     a run without a store over every week (what each week cost before the store),
// checks that the incremental run prints the same metrics document as the scratch run, and prints the
// ratios incremental / week alone for time and peak memory. Assumes `npm run build` ran. Data sets are
// cached under os.tmpdir() by weeks, users and seed.
//
// Usage: node scripts/bench-history.mjs [--weeks 26,52] [--users 3000] [--seed 1] [--timeout 1800]
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseCommandLine } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const rssPreload = join(root, 'scripts', 'bench-rss.mjs');
const END_WEEK = '2026-W47';

// Options through Node's own parser (node:util parseArgs): unknown options and missing values are errors.
function parseArgs(argv) {
  const { values } = parseCommandLine({
    args: argv,
    options: {
      weeks: { type: 'string', default: '26,52' },
      users: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '1' },
      timeout: { type: 'string', default: '1800' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run bench:history -- [--weeks 26,52] [--users 3000] [--seed 1] [--timeout <s per child>]');
    process.exit(0);
  }
  const options = { weeks: values.weeks.split(',').map(Number), users: Number(values.users), seed: Number(values.seed), timeoutSec: Number(values.timeout) };
  for (const weeks of options.weeks) if (!Number.isInteger(weeks) || weeks < 2) throw new Error(`expected --weeks to be whole numbers >= 2, got ${weeks}`);
  if (!Number.isInteger(options.users) || options.users < 1) throw new Error(`expected --users to be a whole number >= 1, got ${options.users}`);
  return options;
}

/** Runs uptake with a time limit; resolves with its exit code, seconds, stdout, stderr and peak RSS (MB). */
function uptake(args, timeoutSec) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', rssPreload, cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let stderr = '';
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.length > 1_000_000) stderr = stderr.slice(-500_000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSec * 1000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const match = /BENCH_MAXRSS_KB=(\d+)/.exec(stderr);
      if (code !== 0) reject(new Error(`uptake ${args.join(' ')} failed (${code ?? signal}): ${stderr.slice(-2000)}`));
      else resolvePromise({ seconds, stdout: Buffer.concat(out).toString('utf8'), stderr, peakMb: match ? Number(match[1]) / 1024 : null });
    });
  });
}

async function dataset(weeks, users, seed, timeoutSec) {
  const dir = join(tmpdir(), `uptake-bench-history-${weeks}w-${users}u-seed${seed}`);
  if (existsSync(join(dir, 'truth.json'))) return dir;
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`generating ${weeks} weeks of ${users} users (seed ${seed}) into ${dir} ...\n`);
  await uptake(['generate', '--out', staging, '--users', String(users), '--weeks', String(weeks), '--seed', String(seed), '--end-week', END_WEEK, '--force'], timeoutSec);
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return dir;
}

const weekOf = (name) => /_(\d{4}-W\d\d)\.csv/.exec(name)?.[1] ?? null;

async function history(weeks, options) {
  const source = await dataset(weeks, options.users, options.seed, options.timeoutSec);
  const inputs = readdirSync(source).filter((name) => /^(ai_logs|manual_logs|user_monthly_summary)/.test(name)).sort();
  const last = inputs.map(weekOf).filter(Boolean).sort().at(-1);
  const work = mkdtempSync(join(tmpdir(), 'uptake-bench-history-run-'));
  try {
    const grown = join(work, 'history');
    const alone = join(work, 'week');
    mkdirSync(grown);
    mkdirSync(alone);
    for (const name of inputs) {
      const week = weekOf(name);
      if (week !== last) copyFileSync(join(source, name), join(grown, name));
      if (week === last || week === null) copyFileSync(join(source, name), join(alone, name));
    }
    const store = join(work, 'store.duckdb');
    const metrics = (input, withStore) => uptake(['metrics', '--input', input, '--week', 'latest', '--json', ...(withStore ? ['--store', store] : [])], options.timeoutSec);
    const first = await metrics(grown, true);
    for (const name of inputs) if (weekOf(name) === last) copyFileSync(join(source, name), join(grown, name));
    const incremental = await metrics(grown, true);
    const weekAlone = await metrics(alone, false);
    const scratch = await metrics(grown, false);
    const skipped = /skipped (\d+) of (\d+) log files/.exec(incremental.stderr);
    const truth = JSON.parse(readFileSync(join(source, 'truth.json'), 'utf8'));
    return {
      weeks,
      users: options.users,
      rows: truth.accounting.ai_logs.rows_read + truth.accounting.manual_logs.rows_read,
      first,
      incremental,
      weekAlone,
      scratch,
      skipped: skipped ? `${skipped[1]}/${skipped[2]}` : '?',
      same: incremental.stdout === scratch.stdout,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const options = parseArgs(process.argv.slice(2));
if (!existsSync(cli)) throw new Error(`expected a build at ${cli}: run npm run build first`);
const results = [];
for (const weeks of options.weeks) results.push(await history(weeks, options));
const seconds = (run) => `${run.seconds.toFixed(1)} s`;
const peak = (run) => (run.peakMb === null ? '?' : `${Math.round(run.peakMb)} MB`);
console.log('| weeks | users | input rows | first run | next week (store) | week alone | scratch | time ratio | memory ratio | files skipped | same document |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const result of results) {
  const timeRatio = (result.incremental.seconds / result.weekAlone.seconds).toFixed(2);
  const memoryRatio = result.incremental.peakMb && result.weekAlone.peakMb ? (result.incremental.peakMb / result.weekAlone.peakMb).toFixed(2) : '?';
  console.log(
    `| ${result.weeks} | ${result.users} | ${result.rows} | ${seconds(result.first)}, ${peak(result.first)} | ${seconds(result.incremental)}, ${peak(result.incremental)} | ` +
      `${seconds(result.weekAlone)}, ${peak(result.weekAlone)} | ${seconds(result.scratch)}, ${peak(result.scratch)} | ${timeRatio}x | ${memoryRatio}x | ${result.skipped} | ${result.same ? 'yes' : 'NO'} |`,
  );
}
if (results.some((result) => !result.same)) process.exitCode = 1;

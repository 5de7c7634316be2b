#!/usr/bin/env node
// npm run bench: times `uptake metrics` end to end against DuckDB reading the same files (the floor),
// at about 100 k, 1 M and 2.5 M input rows, then times `uptake run --no-deliver` on data/sample.
// Assumes `npm run build` ran. Data sets are cached under os.tmpdir() keyed by size and seed, and made
// again when the generator's build (dist/generate) has changed since.
//
// Usage: node scripts/bench.mjs [--sizes 100k,1m,2.5m|none] [--seed 1] [--skip-run] [--runs 1] [--skip-duckdb] [--generate-only] [--cli path] [--timeout 900]
// --cli times another build (e.g. an older commit's dist/cli/main.js) on the same data sets, for before/after tables.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const defaultCli = join(root, 'dist', 'cli', 'main.js');
let cli = defaultCli;
const rssPreload = join(root, 'scripts', 'bench-rss.mjs');

// The sample (60 users, 8 weeks) holds ~16.5 k rows, i.e. ~275 input rows per user over 8 weeks.
const ROWS_PER_USER = 275;
const WEEKS = 8;
const END_WEEK = '2026-W47';
const SIZES = { '100k': 100_000, '1m': 1_000_000, '2.5m': 2_500_000 };

function parseArgs(argv) {
  const options = { sizes: ['100k', '1m', '2.5m'], seed: 1, runs: 1, skipRun: false, skipDuckdb: false, generateOnly: false, timeoutSec: 900, cli: defaultCli };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`expected a value after ${arg}`);
      return next;
    };
    if (arg === '--sizes') options.sizes = value().split(',').map((size) => size.trim().toLowerCase()).filter((size) => size && size !== 'none');
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--timeout') options.timeoutSec = Number(value());
    else if (arg === '--runs') options.runs = Number(value());
    else if (arg === '--skip-run') options.skipRun = true;
    else if (arg === '--skip-duckdb') options.skipDuckdb = true;
    else if (arg === '--generate-only') options.generateOnly = true;
    else if (arg === '--cli') options.cli = resolve(value());
    else if (arg === '-h' || arg === '--help') {
      console.log('Usage: npm run bench -- [--sizes 100k,1m,2.5m|none] [--seed 1] [--skip-run] [--runs <uptake run repetitions, median reported>] [--skip-duckdb] [--generate-only] [--cli <another build dist/cli/main.js>] [--timeout <s per child>]');
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error(`expected --runs to be a whole number >= 1, got ${options.runs}`);
  for (const size of options.sizes) if (!(size in SIZES)) throw new Error(`expected sizes among ${Object.keys(SIZES).join(', ')}, got ${size}`);
  return options;
}

/** Runs a child process with a time limit; resolves with its exit code, seconds, stderr and peak RSS (MB). */
function timed(command, args, { timeoutSec, stdoutFile, env } = {}) {
  return new Promise((resolvePromise, reject) => {
    const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', out, 'pipe'], env: { ...process.env, ...env } });
    if (typeof out === 'number') closeSync(out);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.length > 1_000_000) stderr = stderr.slice(-500_000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), (timeoutSec ?? 900) * 1000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const match = /BENCH_MAXRSS_KB=(\d+)/.exec(stderr);
      resolvePromise({ code, signal, seconds, stderr, peakMb: match ? Number(match[1]) / 1024 : null });
    });
  });
}

/** A hash of the generator's build: cached data made by another generator is made again. */
function generatorFingerprint() {
  const dir = join(root, 'dist', 'generate');
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.js')).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest('hex').slice(0, 16);
}

async function dataset(size, seed, timeoutSec) {
  const dir = join(tmpdir(), `uptake-bench-${size}-seed${seed}`);
  const stamp = join(dir, 'generator.txt');
  const fingerprint = generatorFingerprint();
  if (existsSync(join(dir, 'truth.json')) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === fingerprint) return dir;
  if (existsSync(dir)) process.stderr.write(`${dir} was made by another build of the generator: making it again\n`);
  const users = Math.max(1, Math.round(SIZES[size] / ROWS_PER_USER));
  const staging = `${dir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  process.stderr.write(`generating ${size} (${users} users, ${WEEKS} weeks, seed ${seed}) into ${dir} ...\n`);
  const result = await timed(process.execPath, [defaultCli, 'generate', '--out', staging, '--users', String(users), '--weeks', String(WEEKS), '--seed', String(seed), '--end-week', END_WEEK, '--force'], { timeoutSec });
  if (result.code !== 0) throw new Error(`uptake generate failed (${result.code ?? result.signal}): ${result.stderr.slice(-2000)}`);
  process.stderr.write(`  generated in ${result.seconds.toFixed(1)} s\n`);
  writeFileSync(join(staging, 'generator.txt'), `${fingerprint}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return dir;
}

function inputRows(dir) {
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
  return truth.accounting.ai_logs.rows_read + truth.accounting.manual_logs.rows_read;
}

// The floor: DuckDB parses every log file of each kind (headers differ, hence union_by_name) and counts rows per team.
const DUCKDB_SCRIPT = `
import { DuckDBInstance } from '@duckdb/node-api';
const [dir, ...files] = process.argv.slice(1);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
let rows = 0;
for (const kind of ['ai_logs', 'manual_logs']) {
  const list = files.filter((file) => file.startsWith(kind)).map((file) => "'" + dir + '/' + file + "'").join(', ');
  const reader = await connection.runAndReadAll(
    "SELECT coalesce(*COLUMNS(c -> c IN ('team', 'dept', 'department'))) AS team, count(*)::BIGINT AS n FROM read_csv([" + list + '], ' +
    'union_by_name = true, all_varchar = true, normalize_names = true, ignore_errors = true, strict_mode = false, null_padding = true) GROUP BY 1',
  );
  for (const [, n] of reader.getRows()) rows += Number(n);
}
process.stderr.write('DUCKDB_ROWS=' + rows + '\\n');
`;

async function duckdbFloor(dir, timeoutSec) {
  const files = readdirSync(dir).filter((file) => /^(ai_logs|manual_logs).*\.csv(\.gz)?$/.test(file)).sort();
  const result = await timed(process.execPath, ['--import', rssPreload, '--input-type=module', '-e', DUCKDB_SCRIPT, dir, ...files], { timeoutSec });
  if (result.code !== 0) throw new Error(`DuckDB floor failed (${result.code ?? result.signal}): ${result.stderr.slice(-2000)}`);
  return { ...result, rows: Number(/DUCKDB_ROWS=(\d+)/.exec(result.stderr)?.[1] ?? NaN) };
}

async function uptakeMetrics(dir, timeoutSec) {
  const result = await timed(process.execPath, ['--import', rssPreload, cli, 'metrics', '--input', dir, '--week', 'latest', '--json'], { timeoutSec, stdoutFile: '/dev/null' });
  if (result.code !== 0) throw new Error(`uptake metrics failed (${result.code ?? result.signal}): ${result.stderr.slice(-2000)}`);
  return result;
}

async function uptakeRun(timeoutSec) {
  const out = mkdtempSync(join(tmpdir(), 'uptake-bench-run-'));
  try {
    // The warehouse stage runs too, into a DuckDB file inside the temporary folder (not the repo's output/).
    const config = join(out, 'bench.config.json');
    writeFileSync(config, JSON.stringify({ warehouse: { duckdbPath: join(out, 'uptake.duckdb') } }));
    const result = await timed(process.execPath, ['--import', rssPreload, cli, 'run', '--no-deliver', '--config', config, '--input', join(root, 'data', 'sample'), '--out', out], { timeoutSec });
    const weeks = readdirSync(out).filter((name) => /^\d{4}-W\d{2}$/.test(name));
    let stages = null;
    let overlapped = null;
    if (weeks.length > 0 && existsSync(join(out, weeks[0], 'manifest.json'))) {
      const manifest = JSON.parse(readFileSync(join(out, weeks[0], 'manifest.json'), 'utf8'));
      stages = manifest.timings_ms ?? manifest.stages ?? null;
      overlapped = manifest.overlapped_ms ?? null;
    }
    return { ...result, stages, overlapped };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const pad = (value, width) => String(value).padStart(width);

async function main() {
  const options = parseArgs(process.argv.slice(2));
  cli = options.cli;
  if (!existsSync(cli)) throw new Error(`expected ${cli}: run \`npm run build\` first`);
  console.log(`\nuptake bench: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${new Date().toISOString()}`);
  const results = [];
  for (const size of options.sizes) {
    const dir = await dataset(size, options.seed, options.timeoutSec);
    const rows = inputRows(dir);
    if (options.generateOnly) continue;
    process.stderr.write(`${size}: ${rows} rows; uptake metrics ...\n`);
    const uptake = await uptakeMetrics(dir, options.timeoutSec);
    let duck = null;
    if (!options.skipDuckdb) {
      process.stderr.write(`${size}: DuckDB ...\n`);
      duck = await duckdbFloor(dir, options.timeoutSec);
    }
    results.push({ size, rows, uptake, duck });
  }
  if (results.length > 0) {
    console.log('');
    console.log('| size | rows | uptake s | rows/s | peak MB | bytes/row | DuckDB s | uptake/DuckDB |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const { size, rows, uptake, duck } of results) {
      const bytesPerRow = uptake.peakMb === null ? 'n/a' : Math.round((uptake.peakMb * 1024 * 1024) / rows);
      console.log(
        `| ${size} | ${rows} | ${uptake.seconds.toFixed(2)} | ${Math.round(rows / uptake.seconds)} | ${uptake.peakMb?.toFixed(0) ?? 'n/a'} | ${bytesPerRow} | ` +
          `${duck ? duck.seconds.toFixed(2) : 'n/a'} | ${duck ? (uptake.seconds / duck.seconds).toFixed(1) : 'n/a'} |`,
      );
    }
    if (results.length >= 2) {
      const [a, b] = [results.at(-2), results.at(-1)];
      const growth = (b.uptake.seconds / a.uptake.seconds) / (b.rows / a.rows);
      console.log(`\nscaling ${a.size} -> ${b.size}: time grew ${(b.uptake.seconds / a.uptake.seconds).toFixed(2)}x for ${(b.rows / a.rows).toFixed(2)}x rows (1.00 = linear: ${growth.toFixed(2)})`);
    }
  }
  if (!options.skipRun && !options.generateOnly) {
    const runs = [];
    for (let index = 1; index <= options.runs; index += 1) {
      process.stderr.write(`uptake run --no-deliver on data/sample (${index}/${options.runs}) ...\n`);
      const run = await uptakeRun(options.timeoutSec);
      runs.push(run);
      console.log(`\nuptake run --no-deliver on data/sample: ${run.seconds.toFixed(1)} s (exit ${run.code ?? run.signal}), peak ${run.peakMb?.toFixed(0) ?? 'n/a'} MB; target < 10 s`);
      if (run.code !== 0) console.log(run.stderr.slice(-1500));
      if (run.stages) console.log(`stages (ms, from manifest.json timings_ms): ${Object.entries(run.stages).map(([stage, ms]) => `${stage} ${ms}`).join(', ')}`);
      if (run.overlapped) console.log(`alongside (ms, overlapped_ms): ${Object.entries(run.overlapped).map(([work, ms]) => `${work} ${ms}`).join(', ')}`);
    }
    if (runs.length > 1) {
      const seconds = runs.map((run) => run.seconds).sort((a, b) => a - b);
      console.log(`\nuptake run, ${runs.length} runs: median ${seconds[Math.floor(seconds.length / 2)].toFixed(1)} s (${seconds.map((value) => value.toFixed(1)).join(', ')})`);
    }
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
});

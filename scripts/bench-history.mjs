#!/usr/bin/env node
// npm run bench:history: what a weekly run costs once history piles up, with the store of cleaned data.
// For each history length (26 and 52 weeks by default) of a few thousand users it times, with `uptake metrics`:
//   first:       the first run through a fresh store over all weeks but the last (every file read),
//   incremental: the run after the last week lands (the store skips every earlier file),
//   week alone:  a run without a store over the last week's files alone (the issue's yardstick, strict reading),
//   week alone with a store: the same files through a fresh store (what `uptake run`, which keeps a store by
//                default, costs over that week alone: the yardstick's other reading),
//   scratch:     a run without a store over every week (what each week cost before the store),
// checks that the incremental run prints the same metrics document as the scratch run, and prints the
// ratios incremental / week alone (without, and with a store) for time and peak memory. Then, unless --no-job, the
// weekly job itself (`uptake run --no-deliver --no-warehouse`: notebook, charts, HTML, PDF): the run after the last
// week lands, through a copy of the store the first run left, against `uptake run --no-store` over the last week's
// files alone, with its own ratios (peak memory: the uptake process's, not Chromium's or the kernel's). Assumes
// `npm run build` ran. Data sets are cached under os.tmpdir() by weeks, users and seed.
//
// --data DIR takes an existing data folder (e.g. a replicated large set) instead of generating one; input
// rows are then counted from the runs' accounting, as such a folder may have no truth.json.
//
// --landings weekly fills a store the way an organisation does, one week at a time: it lands each week's
// log files (the roster files with the first week) into a growing input folder and runs
// `uptake metrics --input GROWN --week latest --json --store STORE` after each landing, printing one line
// per landing (seconds, CPU seconds, peak RSS, stored input rows, files skipped, load average) as it goes
// and keeping each run's progress lines in progress.log beside the store. At the end it
// times (a) `metrics --store` again with nothing new, (b) the last landing against (c) a run without a
// store over the last week's files alone, with both ratios. It stops landing (and measures (a)-(c) on what
// is stored) when a landing fails or takes more than --landing-limit seconds, or at --deadline. The store
// and the grown folder live in a temp folder that is removed at the end, unless --keep-store DIR keeps
// them (DIR/store.duckdb, DIR/input, DIR/week) for a later re-measurement; a kept DIR is resumed: the
// weeks already in DIR/input count as landed.
//
// Usage: node scripts/bench-history.mjs [--weeks 26,52] [--users 3000] [--seed 1] [--timeout 1800] [--data DIR]
//        node scripts/bench-history.mjs --landings weekly (--data DIR | --weeks 52 [--users N] [--seed S])
//             [--keep-store DIR] [--landing-limit 900] [--deadline ISO-TIME] [--timeout 1800]
import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseCommandLine } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'main.js');
const rssPreload = join(root, 'scripts', 'bench-rss.mjs');
// the child's CPU seconds (every thread's, user + system) as it exits: on a shared machine they move less than wall time
const cpuPreload = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nBENCH_CPU_US='+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;
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
      data: { type: 'string' },
      landings: { type: 'string' },
      'keep-store': { type: 'string' },
      'landing-limit': { type: 'string', default: '900' },
      deadline: { type: 'string' },
      'no-job': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      [
        'Usage: npm run bench:history -- [--weeks 26,52] [--users 3000] [--seed 1] [--timeout <s per child>] [--data DIR] [--no-job]',
        '       npm run bench:history -- --landings weekly (--data DIR | --weeks 52 [--users N] [--seed S])',
        '            [--keep-store DIR] [--landing-limit <s, default 900>] [--deadline <ISO time>] [--timeout <s per child>]',
        '  --data DIR           use an existing data folder instead of generating one (rows counted from the runs)',
        '  --no-job             time `uptake metrics` only, not also the weekly job (`uptake run`, with its PDF)',
        '  --landings weekly    land the weeks one at a time into a growing folder, `metrics --store` after each;',
        '                       then time metrics on the full store, the last landing and the last week alone',
        '  --keep-store DIR     keep the store and the grown input folder in DIR (resumed if it exists)',
        '  --landing-limit S    stop landing when a landing takes more than S seconds (or fails)',
        '  --deadline TIME      land no new week after TIME (e.g. 2026-12-05T08:15Z); measure what is stored',
      ].join('\n'),
    );
    process.exit(0);
  }
  const options = {
    weeks: values.weeks.split(',').map(Number),
    users: Number(values.users),
    seed: Number(values.seed),
    timeoutSec: Number(values.timeout),
    data: values.data === undefined ? null : resolve(values.data),
    landings: values.landings ?? null,
    keepStore: values['keep-store'] === undefined ? null : resolve(values['keep-store']),
    landingLimitSec: Number(values['landing-limit']),
    deadline: values.deadline === undefined ? null : new Date(values.deadline),
    job: !values['no-job'],
  };
  if (options.landings !== null && options.landings !== 'weekly') throw new Error(`expected --landings weekly, got ${options.landings}`);
  if (options.data !== null && !existsSync(options.data)) throw new Error(`expected --data to name an existing data folder, got ${options.data}`);
  if (!(options.landingLimitSec > 0)) throw new Error(`expected --landing-limit to be a number of seconds > 0, got ${values['landing-limit']}`);
  if (options.deadline !== null && Number.isNaN(options.deadline.getTime())) throw new Error(`expected --deadline to be an ISO time, got ${values.deadline}`);
  for (const weeks of options.weeks) if (!Number.isInteger(weeks) || weeks < 2) throw new Error(`expected --weeks to be whole numbers >= 2, got ${weeks}`);
  if (!Number.isInteger(options.users) || options.users < 1) throw new Error(`expected --users to be a whole number >= 1, got ${options.users}`);
  return options;
}

/** Runs uptake with a time limit; resolves with its exit code, seconds, stdout, stderr and peak RSS (MB). */
function uptake(args, timeoutSec) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', rssPreload, '--import', cpuPreload, cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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
      const cpu = /BENCH_CPU_US=(\d+)/.exec(stderr);
      if (code !== 0) reject(new Error(`uptake ${args.join(' ')} failed (${code ?? signal}): ${stderr.slice(-2000)}`));
      else resolvePromise({ seconds, stdout: Buffer.concat(out).toString('utf8'), stderr, peakMb: match ? Number(match[1]) / 1024 : null, cpuSeconds: cpu ? Number(cpu[1]) / 1e6 : null });
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

/** Input rows (AI + manual) in a metrics document's accounting. */
function rowsRead(stdout) {
  const { accounting } = JSON.parse(stdout);
  return accounting.ai_logs.rows_read + accounting.manual_logs.rows_read;
}

async function history(weeks, options) {
  const source = options.data ?? (await dataset(weeks, options.users, options.seed, options.timeoutSec));
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
      if (week !== last) copyLanded(join(source, name), join(grown, name));
      if (week === last || week === null) copyLanded(join(source, name), join(alone, name));
    }
    const store = join(work, 'store.duckdb');
    const metrics = (input, withStore, at = store) => uptake(['metrics', '--input', input, '--week', 'latest', '--json', ...(withStore ? ['--store', at] : [])], options.timeoutSec);
    // A weekly job finds the stored weeks' files long landed: its store keeps their stamps and does not hash them
    // again. A copy changes a file's ctime, which cannot be set back, and a file changed less than 2 s before a run
    // is hashed without keeping its stamp (util/hash-file.ts): the first run starts once they are older.
    await new Promise((resolve) => setTimeout(resolve, SETTLED_MS));
    const first = await metrics(grown, true);
    // the weekly job lands the same week on the store as the first run left it
    const jobStore = join(work, 'job', 'store.duckdb');
    if (options.job) copyStore(store, jobStore);
    for (const name of inputs) if (weekOf(name) === last) copyLanded(join(source, name), join(grown, name));
    const incremental = await metrics(grown, true);
    const weekAlone = await metrics(alone, false);
    const weekAloneStore = await metrics(alone, true, join(work, 'alone.duckdb'));
    const scratch = await metrics(grown, false);
    const job = (input, out, store) =>
      uptake(['run', '--input', input, '--week', 'latest', '--out', join(work, out), '--no-deliver', '--no-warehouse', ...(store ? ['--store', store] : ['--no-store'])], options.timeoutSec);
    const jobNext = options.job ? await job(grown, 'job-next', jobStore) : null;
    const jobAlone = options.job ? await job(alone, 'job-alone', null) : null;
    const skipped = /skipped (\d+) of (\d+) log files/.exec(incremental.stderr);
    const truthFile = join(source, 'truth.json');
    const truth = existsSync(truthFile) ? JSON.parse(readFileSync(truthFile, 'utf8')) : null;
    return {
      weeks: options.data === null ? weeks : new Set(inputs.map(weekOf).filter(Boolean)).size,
      users: options.data === null ? options.users : '?',
      rows: truth === null ? rowsRead(scratch.stdout) : truth.accounting.ai_logs.rows_read + truth.accounting.manual_logs.rows_read,
      first,
      incremental,
      weekAlone,
      weekAloneStore,
      scratch,
      jobNext,
      jobAlone,
      skipped: skipped ? `${skipped[1]}/${skipped[2]}` : '?',
      same: incremental.stdout === scratch.stdout,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A copy of a DuckDB store (its file and the folder of kept rows beside it) at `target`. */
function copyStore(store, target) {
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(store, target);
  cpSync(`${store}.rows`, `${target}.rows`, { recursive: true });
}

/** How long after its last change a file's stamp is kept (util/hash-file.ts's 2 s), and a little more. */
const SETTLED_MS = 2_100;

/**
 * Copies a data file with its source's times: a weekly job runs long after its files landed, and a file changed a
 * moment ago is waited for until it has been quiet for `inputSettle.quietMs` (2 s), which would be timed as the run's.
 */
function copyLanded(source, target) {
  copyFileSync(source, target);
  const { atime, mtime } = statSync(source);
  utimesSync(target, atime, mtime);
}

/** Puts a data file into the grown folder: a hard link when the file system allows, else a copy. */
function land(source, target) {
  if (existsSync(target)) return;
  try {
    linkSync(source, target);
  } catch {
    copyLanded(source, target);
  }
}

/** a / b as `2.52x`; `?` when either is unknown. */
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}x` : '?');
const load = () => loadavg().map((value) => value.toFixed(1)).join(' ');
const runLine = (run) => `${run.seconds.toFixed(1)} s (CPU ${run.cpuSeconds === null ? '?' : run.cpuSeconds.toFixed(1)} s), ${run.peakMb === null ? '?' : Math.round(run.peakMb)} MB, load ${load()}`;
/** Keeps a run's progress lines (its stderr) beside the store, for a look at where a landing's time went. */
const keepProgress = (work, label, run) => appendFileSync(join(work, 'progress.log'), `== ${label}\n${run.stderr.replace(/\nBENCH_\w+=\d+\n/g, '\n')}`);

/** --landings weekly: fills a store one week at a time, then times metrics over it (see the header). */
async function weeklyLandings(options) {
  const source = options.data ?? (await dataset(options.weeks.at(-1), options.users, options.seed, options.timeoutSec));
  const files = readdirSync(source).filter((name) => /^(ai_logs|manual_logs|user_monthly_summary)/.test(name)).sort();
  const weeks = [...new Set(files.map(weekOf).filter(Boolean))].sort();
  const rosters = files.filter((name) => weekOf(name) === null);
  const work = options.keepStore ?? mkdtempSync(join(tmpdir(), 'uptake-bench-landings-'));
  const grown = join(work, 'input');
  const alone = join(work, 'week');
  const store = join(work, 'store.duckdb');
  mkdirSync(grown, { recursive: true });
  const metrics = (input, withStore, timeoutSec = options.timeoutSec) =>
    uptake(['metrics', '--input', input, '--week', 'latest', '--json', ...(withStore ? ['--store', store] : [])], timeoutSec);
  try {
    const present = new Set(readdirSync(grown));
    const landed = existsSync(store) ? weeks.filter((week) => files.every((name) => weekOf(name) !== week || present.has(name))) : [];
    console.log(`${source}: ${weeks.length} weeks (${weeks[0]} to ${weeks.at(-1)}), ${files.length} files; store ${store}${landed.length > 0 ? `, resumed with ${landed.length} weeks landed` : ''}`);
    let last = null;
    let lastWeek = landed.at(-1) ?? null;
    for (const [index, week] of weeks.entries()) {
      if (landed.includes(week)) continue;
      if (options.deadline !== null && Date.now() > options.deadline.getTime()) {
        console.log(`deadline ${options.deadline.toISOString()} passed: no more landings`);
        break;
      }
      const names = files.filter((name) => weekOf(name) === week || (index === 0 && weekOf(name) === null));
      for (const name of names) land(join(source, name), join(grown, name));
      let run;
      try {
        run = await metrics(grown, true, Math.min(options.timeoutSec, options.landingLimitSec));
      } catch (error) {
        for (const name of names) if (weekOf(name) !== null) unlinkSync(join(grown, name));
        console.log(`landing ${index + 1}/${weeks.length} ${week}: FAILED or over ${options.landingLimitSec} s (load ${load()}); stopping. ${String(error.message).slice(0, 600)}`);
        break;
      }
      keepProgress(work, `landing ${index + 1} ${week}`, run);
      const skipped = /skipped (\d+) of (\d+) log files/.exec(run.stderr);
      console.log(`landing ${index + 1}/${weeks.length} ${week}: ${runLine(run)}, ${rowsRead(run.stdout)} input rows stored, skipped ${skipped ? `${skipped[1]}/${skipped[2]}` : '0'} log files`);
      last = run;
      lastWeek = week;
    }
    if (lastWeek === null) throw new Error('no week landed: nothing to measure');
    const again = await metrics(grown, true);
    keepProgress(work, '(a) nothing new', again);
    const stored = rowsRead(again.stdout);
    console.log(`(a) metrics --store, nothing new (${weeks.indexOf(lastWeek) + 1} weeks, ${stored} input rows stored): ${runLine(again)}`);
    rmSync(alone, { recursive: true, force: true });
    mkdirSync(alone);
    for (const name of files) if (weekOf(name) === lastWeek || weekOf(name) === null) land(join(source, name), join(alone, name));
    const weekAlone = await metrics(alone, false);
    console.log(`(c) ${lastWeek} alone, no store (${rowsRead(weekAlone.stdout)} input rows): ${runLine(weekAlone)}`);
    if (last === null) {
      console.log('(b) no landing ran in this invocation (resumed store): no next-week ratio');
      return;
    }
    console.log(`(b) last landing ${lastWeek}: ${last.seconds.toFixed(1)} s (CPU ${last.cpuSeconds?.toFixed(1) ?? '?'} s), ${last.peakMb === null ? '?' : Math.round(last.peakMb)} MB`);
    console.log(`next week / week alone: time ${ratio(last.seconds, weekAlone.seconds)} (CPU ${ratio(last.cpuSeconds, weekAlone.cpuSeconds)}), peak memory ${ratio(last.peakMb, weekAlone.peakMb)}`);
    console.log(`metrics on the store / week alone: time ${ratio(again.seconds, weekAlone.seconds)} (CPU ${ratio(again.cpuSeconds, weekAlone.cpuSeconds)}), peak memory ${ratio(again.peakMb, weekAlone.peakMb)}`);
  } finally {
    if (options.keepStore === null) rmSync(work, { recursive: true, force: true });
    else console.log(`kept the store and the grown input folder in ${work}`);
  }
}

const options = parseArgs(process.argv.slice(2));
if (!existsSync(cli)) throw new Error(`expected a build at ${cli}: run npm run build first`);
if (options.landings === 'weekly') {
  await weeklyLandings(options);
  process.exit();
}
const results = [];
for (const weeks of options.weeks) results.push(await history(weeks, options));
const seconds = (run) => `${run.seconds.toFixed(1)} s`;
const peak = (run) => (run.peakMb === null ? '?' : `${Math.round(run.peakMb)} MB`);
console.log('| weeks | users | input rows | first run | next week (store) | week alone | week alone, store | scratch | time ratio | memory ratio | ratios, store | files skipped | same document |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const result of results) {
  const { incremental, weekAlone, weekAloneStore } = result;
  console.log(
    `| ${result.weeks} | ${result.users} | ${result.rows} | ${seconds(result.first)}, ${peak(result.first)} | ${seconds(incremental)}, ${peak(incremental)} | ` +
      `${seconds(weekAlone)}, ${peak(weekAlone)} | ${seconds(weekAloneStore)}, ${peak(weekAloneStore)} | ${seconds(result.scratch)}, ${peak(result.scratch)} | ` +
      `${ratio(incremental.seconds, weekAlone.seconds)} | ${ratio(incremental.peakMb, weekAlone.peakMb)} | ${ratio(incremental.seconds, weekAloneStore.seconds)}, ${ratio(incremental.peakMb, weekAloneStore.peakMb)} | ${result.skipped} | ${result.same ? 'yes' : 'NO'} |`,
  );
}
if (results.some((result) => result.jobNext !== null)) {
  console.log('');
  console.log('The weekly job, `uptake run --no-deliver --no-warehouse` (notebook, charts, HTML, PDF):');
  console.log('| weeks | users | next week (store) | week alone (no store) | time ratio | memory ratio |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { weeks, users, jobNext, jobAlone } of results) {
    if (jobNext === null) continue;
    console.log(`| ${weeks} | ${users} | ${seconds(jobNext)}, ${peak(jobNext)} | ${seconds(jobAlone)}, ${peak(jobAlone)} | ${ratio(jobNext.seconds, jobAlone.seconds)} | ${ratio(jobNext.peakMb, jobAlone.peakMb)} |`);
  }
}
if (results.some((result) => !result.same)) process.exitCode = 1;

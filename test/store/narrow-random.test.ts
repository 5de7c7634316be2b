// Everything at once: a generated data set (every file dialect, quarantine, duplicates, retries, stitches,
// naive times) cut into files of random sizes and overlapping ranges, landing in random orders with random
// edits, removals and renames, a roster month held back: after every landing the store equals scratch.
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, it } from 'vitest';
import { parseConfig } from '../../src/config/read-config.js';
import { generateDataset } from '../../src/generate/generate-dataset.js';
import { createSeededRandom, type SeededRandom } from '../../src/generate/seeded-random.js';
import { AI_HEADER, MANUAL_HEADER, STORES, aiRow, csv, landing, manualRow, type CleaningCore, type InputEdits, type LandingOptions } from './land-in-batches.js';
import { cleanInput } from '../../dist/clean/clean-input.js';
import { cleanWithStore } from '../../dist/store/clean-with-store.js';
import { openStore } from '../../dist/store/open-store.js';

// The build's types are the source's declared a second time (dist/*.d.ts): the same shapes, other classes to tsc.
const BUILD_CORE = { cleanInput, cleanWithStore, openStore } as unknown as CleaningCore;

interface Chunk {
  name: string;
  /** The source file's header record (BOM and line ending included). */
  header: string;
  records: string[];
}

// A file's records as text, each with its line ending: a line ending inside quotes does not end a record.
function recordsOf(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (char === '\n' && !quoted) {
      records.push(text.slice(start, index + 1));
      start = index + 1;
    }
  }
  if (start < text.length) records.push(`${text.slice(start)}\n`);
  return records;
}

const hex = (random: SeededRandom) => random.int(0, 0xffffff).toString(16).padStart(6, '0');
const shuffle = <T>(random: SeededRandom, items: T[]): T[] => {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [items[index], items[other]] = [items[other], items[index]];
  }
  return items;
};

// Contiguous runs of a file's records, each reaching a few records into the next (an export repeating the
// previous one's last rows), with now and then a record moved to another run (out of time order).
function cut(random: SeededRandom, kind: string, text: string): Chunk[] {
  const [header, ...records] = recordsOf(text);
  const runs = random.int(1, 4);
  const cuts = [0, ...Array.from({ length: runs - 1 }, () => random.int(0, records.length)).sort((a, b) => a - b), records.length];
  const chunks = cuts.slice(1).map((end, index) => ({ name: `${kind}_${hex(random)}.csv`, header, records: records.slice(cuts[index], Math.min(records.length, end + random.int(0, 3))) }));
  for (const chunk of chunks) {
    if (chunk.records.length > 1 && random.chance(0.3)) {
      const [moved] = chunk.records.splice(random.int(0, chunk.records.length - 1), 1);
      random.pick(chunks).records.push(moved);
    }
  }
  return chunks.filter((chunk) => chunk.records.length > 0);
}

const contentOf = (chunk: Chunk): string | Uint8Array => {
  const text = chunk.header + chunk.records.join('');
  return chunk.name.endsWith('.gz') ? gzipSync(text) : text;
};

const toError = (record: string) => record.replace(/(^|,)(success|completed|complete|done)(?=,|\r?\n)/i, '$1error');

// One record's success turned into an error (a status edited in an old file), else its last record dropped.
function edited(random: SeededRandom, chunk: Chunk): Chunk {
  const records = [...chunk.records];
  const index = random.int(0, records.length - 1);
  const changed = toError(records[index]);
  if (changed !== records[index]) records[index] = changed;
  else records.pop();
  return { ...chunk, records };
}

/** A landing plan for one seed, run against one store. */
async function landAtRandom(seed: number, store: string, options: LandingOptions = {}): Promise<void> {
  const random = createSeededRandom(seed * 7919);
  const { files } = generateDataset({ seed, users: 14, weeks: 4, endWeek: '2026-W47' });
  const rosters = files.filter((file) => file.kind === 'user_monthly_summary');
  const chunks = shuffle(
    random,
    files
      .filter((file) => file.kind !== 'user_monthly_summary')
      .flatMap((file) => cut(random, file.kind, Buffer.from(file.name.endsWith('.gz') ? gunzipSync(file.content) : file.content).toString('utf8'))),
  );
  for (const chunk of chunks) if (random.chance(0.25)) chunk.name += '.gz';
  const { land } = landing(store, options);
  // anchors: each log kind has a file from the first landing on, and week 47's Sunday is loaded (the metrics' latest week)
  const heldBack = random.pick(rosters);
  const first: InputEdits = {
    'ai_logs_anchor.csv': csv(AI_HEADER, [aiRow({ id: 'anchor-a', user: 'anchor', type: 'anchoring', start: '2026-11-22T23:00:00Z', end: '2026-11-22T23:05:00Z' })]),
    'manual_logs_anchor.csv': csv(MANUAL_HEADER, [manualRow({ id: 'anchor-m', user: 'anchor', type: 'anchoring', start: '2026-11-22T23:00:00Z', end: '2026-11-22T23:30:00Z' })]),
  };
  for (const roster of rosters) if (roster !== heldBack) first[roster.name] = roster.content;
  const landed: Chunk[] = [];
  const pending = [...chunks];
  let rosterLanded = false;
  let edits = first;
  while (pending.length > 0 || Object.keys(edits).length > 0) {
    const batch = pending.splice(0, random.int(1, 4));
    for (const chunk of batch) edits[chunk.name] = contentOf(chunk);
    landed.push(...batch);
    if (!rosterLanded && (pending.length === 0 || random.chance(0.3))) {
      edits[heldBack.name] = heldBack.content;
      rosterLanded = true;
    }
    await land(edits);
    edits = {};
    // now and then something happens to a landed file before the next landing
    if (landed.length < 2 || !random.chance(0.6)) continue;
    const victim = random.int(0, landed.length - 1);
    const chunk = landed[victim];
    const action = random.pick(['remove', 'edit', 'rename', 'copy'] as const);
    if (action === 'copy') {
      // a record of one landed file arrives again, as an error, at the end of another file of its dialect (a conflicting copy)
      const others = landed.filter((other) => other !== chunk && other.header === chunk.header);
      if (others.length === 0) continue;
      const target = landed.indexOf(random.pick(others));
      landed[target] = { ...landed[target], records: [...landed[target].records, toError(random.pick(chunk.records))] };
      edits[landed[target].name] = contentOf(landed[target]);
      continue;
    }
    edits[chunk.name] = null;
    if (action === 'remove') {
      landed.splice(victim, 1);
      // half the time it comes back in a later landing (a file restored)
      if (random.chance(0.5)) pending.push(chunk);
    } else {
      const kind = chunk.name.startsWith('ai_logs') ? 'ai_logs' : 'manual_logs';
      landed[victim] = action === 'edit' ? edited(random, chunk) : { ...chunk, name: `${kind}_${hex(random)}.csv${chunk.name.endsWith('.gz') ? '.gz' : ''}` };
      edits[landed[victim].name] = contentOf(landed[victim]);
    }
  }
}

for (const [engine, newStore] of STORES) {
  describe(`${engine} store: a generated set cut, shuffled and edited at random equals the scratch run at every landing`, () => {
    const seeds = engine === 'DuckDB' ? [11, 12, 13] : [11];
    for (const seed of seeds) it(`seed ${seed}`, async () => landAtRandom(seed, await newStore()), 120_000);
    // the build's reader on two threads; the store run reads each file over 2 KiB in chunks (a stored file of many parts), the scratch run whole
    if (engine === 'DuckDB') it('seed 14, files read on threads, and in chunks by the store run', async () => landAtRandom(14, await newStore(), { core: BUILD_CORE, workers: 2, chunkBytes: 2048 }), 120_000);
    // windows other than the defaults: chains reach further back than a default-sized region would
    const wide = parseConfig({ cleaning: { stitchGapMin: 90, retryWindowSec: 600, maxDurationHours: 3 } });
    if (engine === 'DuckDB') it('seed 15, with a 90 min stitch gap, a 10 min retry window and a 3 h longest duration', async () => landAtRandom(15, await newStore(), { config: wide }), 120_000);
    // a report zone other than UTC, half an hour off it: weeks and months (the teams' fill, the weeks' facts) cut at its midnights
    const kolkata = parseConfig({ timezone: 'Asia/Kolkata', cleaning: { stitchGapMin: 30 } });
    if (engine === 'DuckDB') it('seed 22, reporting in Asia/Kolkata with a 30 min stitch gap', async () => landAtRandom(22, await newStore(), { config: kolkata }), 120_000);
  });
}

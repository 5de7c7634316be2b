#!/usr/bin/env node
// Makes a large benchmark data set from a generated one: each input file's rows copied N times, the copies'
// user ids suffixed `k1`..`k<N-1>` and event and ticket ids `-1`..`-<N-1>` (whole comma-separated tokens;
// multi-line quoted values are copied as they are; gzipped files are gzipped again). Each copy is its own
// organisation, so the cross-row rules see N times the pairs. Used for the store of ~1 M rows a week
// (BENCHMARKS.md): `uptake generate` holds a whole history in memory and runs out of it at 30,000 users.
//
// Usage: node scripts/replicate-dataset.mjs SOURCE_DIR TARGET_DIR COPIES
//   e.g. node scripts/replicate-dataset.mjs /tmp/uptake-bench-history-52w-3000u-seed1 /tmp/uptake-bench-big-52w-30000u 10
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const [source, target, copiesText] = process.argv.slice(2);
const copies = Number(copiesText);
if (!source || !target || !Number.isInteger(copies) || copies < 1) {
  console.error('Usage: node scripts/replicate-dataset.mjs SOURCE_DIR TARGET_DIR COPIES (a whole number >= 1)');
  process.exit(2);
}
mkdirSync(target, { recursive: true });
const TOKEN = /(^|,)(\s*)(u\d+|[A-Za-z]+-\d+)(\s*)(?=,|\r?$)/gi;
for (const name of readdirSync(source).sort()) {
  if (!/^(ai_logs|manual_logs|user_monthly_summary)/.test(name)) continue;
  const raw = readFileSync(join(source, name));
  const text = (name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const cut = text.indexOf('\n') + 1;
  const [header, body] = [text.slice(0, cut), text.slice(cut)];
  const lines = body.split('\n');
  const parts = [header, body.endsWith('\n') ? body : `${body}\n`];
  for (let copy = 1; copy < copies; copy += 1) {
    const suffixed = lines.map((line) => line.replace(TOKEN, (_, comma, before, token, after) => `${comma}${before}${/^u\d+$/i.test(token) ? `${token}k${copy}` : `${token}-${copy}`}${after}`)).join('\n');
    parts.push(suffixed.endsWith('\n') ? suffixed : `${suffixed}\n`);
  }
  const csv = parts.join('');
  writeFileSync(join(target, name), name.endsWith('.gz') ? gzipSync(csv, { level: 1 }) : csv);
  process.stderr.write(`${name}: ${(csv.length / 1e6).toFixed(0)} MB\n`);
}

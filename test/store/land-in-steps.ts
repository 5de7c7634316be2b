import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cleanInput } from '../../src/clean/clean-input.js';
import { cleanWithStore } from '../../src/store/clean-with-store.js';
import { openStore } from '../../src/store/open-store.js';
import { NOW, config, outcome, tempDir } from './land-in-batches.js';

/** A step of landInSteps: files to write (text) or delete (null), or something done to the store (at its location). */
export type Landing = Record<string, string | null> | ((store: string) => Promise<void>);

/**
 * Lands the steps into one input folder and the store at `store`; after each file step, the store run and a
 * scratch run agree byte for byte. Returns the run's "cleaned all" / "re-cleaned" / "nothing to clean again" messages.
 */
export async function landInSteps(store: string, ...landings: Landing[]): Promise<string[]> {
  const input = tempDir('uptake-store-input-');
  const messages: string[] = [];
  for (const landing of landings) {
    if (typeof landing === 'function') {
      await landing(store);
      continue;
    }
    for (const [name, text] of Object.entries(landing)) {
      if (text === null) unlinkSync(join(input, name));
      else writeFileSync(join(input, name), text);
    }
    const engine = await openStore(store);
    try {
      const { data } = await cleanWithStore(engine, input, config, { now: NOW, onProgress: (message) => messages.push(message) });
      expect(outcome(data)).toBe(outcome(await cleanInput(input, config, { now: NOW })));
    } finally {
      await engine.close();
    }
  }
  return messages.filter((message) => /^(re-)?cleaned [0-9a-z ,]+ rows|^nothing to clean again/.test(message));
}

const AI = 'event_id,user_id,team,task_type,started_at,ended_at,status,accuracy,harmful,prompt';
const MANUAL = 'task_id,user_id,team,task_type,started_at,ended_at';
const ROSTER = 'user_id,team,month,timezone,licensed,tasks_total,ai_tasks_total';
const roster = (team: string) => `${ROSTER}\nu1,${team},2026-11,UTC,true,9,5\nu2,Legal,2026-11,UTC,true,9,5\n`;
const base = { 'user_monthly_summary_2026-11.csv': roster('Finance'), 'manual_logs_a.csv': `${MANUAL}\nm0,u2,,audit,2026-11-09T08:00:00Z,2026-11-09T08:30:00Z\nm1,u1,,invoice_matching,2026-11-23T08:00:00Z,2026-11-23T08:30:00Z\n` };
/** Small hand-written inputs: the log headers, a roster with u1's team, and a roster plus manual file to start from. */
export const SMALL = { AI, MANUAL, roster, base };

/** A stitch, a retry and an exact duplicate across two files, an id under two users, and a file that sorts first landing last. */
export const CROSS_FILE_LANDINGS: Landing[] = [
  { ...base, 'ai_logs_b.csv': `${AI}\ne1,u1,,invoice_matching,2026-11-24T09:00:00Z,2026-11-24T09:10:00Z,success,0.9,false,p1\ne2,u2,,budget_recon,2026-11-24T09:00:00Z,2026-11-24T09:10:00Z,error,,,p2\ne9,u2,,audit,2026-11-20T09:00:00Z,2026-11-20T09:10:00Z,success,,,\n` },
  // e3 continues e1 (5 min gap), e4 retries e2 (20 s), e1 again with another accuracy (conflicting)
  { 'ai_logs_c.csv': `${AI}\ne3,u1,,invoice_matching,2026-11-24T09:15:00Z,2026-11-24T09:20:00Z,abandoned,0.5,true,p3\ne4,u2,,Budget Recon,2026-11-24T09:00:20Z,2026-11-24T09:10:00Z,success,,,p2\ne1,u1,Finance,invoice_matching,2026-11-24T09:00:00Z,2026-11-24T09:10:00Z,success,0.7,false,p1\n` },
  // sorts before b and c: its tasks come first in the table; e9 again under another user (ids join pairs)
  { 'ai_logs_a.csv': `${AI}\ne5,u1,,invoice_matching,2026-11-24T08:00:00Z,2026-11-24T08:10:00Z,success,,,\ne9,u1,,audit,2026-11-25T09:00:00Z,,success,,,\n` },
];

/** A label whose canonical form changes when new counts arrive (an abbreviation meets its long form), and back when they go. */
export const LABEL_CHANGE_LANDINGS: Landing[] = [
  { ...base, 'ai_logs_a.csv': `${AI}\ne1,u1,,budget_recon,2026-11-02T09:00:00Z,2026-11-02T09:10:00Z,success,,,\ne2,u2,,budget_recon,2026-11-03T09:00:00Z,2026-11-03T09:10:00Z,success,,,\n` },
  { 'ai_logs_b.csv': `${AI}\ne3,u2,,Budget Reconciliation,2026-11-24T09:00:00Z,2026-11-24T09:10:00Z,success,,,\n` },
  { 'ai_logs_b.csv': null },
];

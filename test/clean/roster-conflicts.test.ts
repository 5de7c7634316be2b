import { rmSync } from 'node:fs';
import { expect, test, vi } from 'vitest';
import { cleanInput } from '../../src/clean/clean-input.js';
import { parseConfig } from '../../src/config/read-config.js';
import { AI_HEADER, MANUAL_HEADER } from '../helpers/clean.js';
import { csv, inputFolder, ROSTER_HEADER } from '../helpers/input-folder.js';

const folded = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/util/fold-case.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/util/fold-case.js')>();
  return { ...original, foldCase: (text: string) => ((folded.calls += 1), original.foldCase(text)) };
});

// A roster giving one user 200,000 teams in one month (a hostile or broken export) never finished reading: each
// copy's team was compared with every team listed before it. Each team is now looked up among the keys seen.
test('a user given thousands of teams in one month: each team listed once, in input order, each folded a few times only', async () => {
  const teams = Array.from({ length: 3000 }, (_, index) => `Team ${index}`);
  const dir = inputFolder({
    'user_monthly_summary_2026-11.csv': csv(ROSTER_HEADER, ...teams.map((team) => `u1,${team},2026-11,UTC,yes,10,5`), 'u1,team 7 ,2026-11,UTC,yes,10,5'),
    'ai_logs_1.csv': csv(AI_HEADER, 'e1,u1,,report,2026-11-16T09:00:00Z,,done,0.5,,'),
    'manual_logs_1.csv': csv(MANUAL_HEADER, 't1,u1,,report,2026-11-16T08:00:00Z,'),
  });
  try {
    folded.calls = 0;
    const data = await cleanInput(dir, parseConfig({}), { now: Date.UTC(2026, 11, 4), workers: 0 });
    expect(data.rosterConflicts).toEqual([{ user_id: 'u1', month: '2026-11', teams }]);
    expect(data.accounting.user_monthly_summary).toMatchObject({ rows_read: 3001, exact_duplicates: 3000, conflicting_duplicates: 1, tasks: 1 });
    expect(data.tasks.get('team', 0)).toBe('Team 0');
    // (9,003,022 before: every team against every team before it)
    expect(folded.calls).toBeLessThan(30_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

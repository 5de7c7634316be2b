import { createAskEngine, type AskEngine } from '../../src/ask/ask-engine.js';
import { cleanInput } from '../../src/clean/clean-input.js';
import type { CleanedData } from '../../src/clean/types.js';
import { parseConfig } from '../../src/config/read-config.js';
import type { Config, ConfigSpec } from '../../src/config/schema.js';
import { makeCleanedData, testConfig, type RosterSpec, type TaskSpec } from '../metrics/make-cleaned-data.js';

/** Teams of the ask fixture and their users; "Tiny" has one user, so it is suppressed at minGroupSize 2. */
export const FIXTURE_TEAMS: Record<string, string[]> = {
  Finance: ['f1', 'f2', 'f3'],
  Procurement: ['p1', 'p2', 'p3'],
  'Sales Ops': ['s1', 's2', 's3'],
  Legal: ['l1', 'l2', 'l3'],
  Tiny: ['t1'],
};

const TASK_TYPES = ['budget_reconciliation', 'contract_review', 'invoice_matching'];
const MANUAL_MINUTES: Record<string, number> = { budget_reconciliation: 60, contract_review: 90, invoice_matching: 30 };
const MONDAY_W40 = Date.UTC(2026, 8, 28);

// Per team and week index (0 = 2026-W40 … 7 = 2026-W47): AI and manual tasks per user.
function plan(team: string, week: number): { ai: number; manual: number } {
  switch (team) {
    case 'Finance': return { ai: week >= 4 ? 3 : 2, manual: 2 };
    case 'Procurement': return { ai: week === 7 ? 1 : 3, manual: 2 };
    case 'Sales Ops': return { ai: week === 7 ? 4 : 2, manual: 2 };
    case 'Legal': return { ai: 1, manual: week === 7 ? 4 : 3 };
    default: return { ai: 2, manual: 1 };
  }
}

function accuracyOf(team: string, index: number): number {
  if (team === 'Finance') return 0.95;
  if (team === 'Procurement') return 0.85;
  if (team === 'Sales Ops') return index % 2 === 0 ? 0.95 : 0.7;
  return 0.92;
}

/**
 * Eight weeks (2026-W40 to 2026-W47) of five teams: Procurement dips 26.7 points in W47, Sales Ops
 * grows 16.7, f1 is a power user in W47, f3 logs half of what the roster reports (a blind spot),
 * Legal has harmful tasks in W47, and `legalName` (when given) renames Legal (e.g. to a hostile string);
 * `teamNames` renames any team (`{ Finance: 'Zürich' }`) and `taskTypeNames` any task type, their numbers unchanged;
 * `idleTeam` adds a team of three licensed users with no task; `quietWeeks` leaves a team without any task in the weeks
 * given by index (`{ Legal: [5] }`: none in 2026-W45).
 */
export function askFixture(options: { legalName?: string; teamNames?: Record<string, string>; taskTypeNames?: Record<string, string>; idleTeam?: string; idleMonths?: string[]; idleUsers?: number; quietWeeks?: Record<string, number[]> } = {}): CleanedData {
  const nameOf = (plannedTeam: string) => options.teamNames?.[plannedTeam] ?? (plannedTeam === 'Legal' && options.legalName ? options.legalName : plannedTeam);
  const tasks: TaskSpec[] = [];
  const loggedByUserMonth = new Map<string, number>();
  for (const [plannedTeam, users] of Object.entries(FIXTURE_TEAMS)) {
    const team = nameOf(plannedTeam);
    for (let week = 0; week < 8; week += 1) {
      if (options.quietWeeks?.[plannedTeam]?.includes(week)) continue;
      const { ai, manual } = plan(plannedTeam, week);
      users.forEach((user, userIndex) => {
        const extra = user === 'f1' && week === 7 ? 7 : 0;
        for (let index = 0; index < ai + extra + manual; index += 1) {
          const isAi = index < ai + extra;
          const startedAt = MONDAY_W40 + week * 7 * 86_400_000 + (index % 5) * 86_400_000 + (9 * 60 + userIndex * 7 + index * 13) * 60_000;
          const plannedType = TASK_TYPES[(index + userIndex + week) % TASK_TYPES.length];
          const taskType = options.taskTypeNames?.[plannedType] ?? plannedType;
          const abandoned = plannedTeam === 'Procurement' && week === 7 && isAi && userIndex === 0;
          tasks.push({
            source: isAi ? 'ai_logs' : 'manual_logs',
            user_id: user,
            team,
            task_type: taskType,
            started_at: new Date(startedAt).toISOString(),
            duration_min: isAi ? 20 : MANUAL_MINUTES[plannedType],
            status: isAi && abandoned ? 'abandoned' : 'completed',
            accuracy: isAi ? accuracyOf(plannedTeam, index + week) : null,
            harmful: isAi ? plannedTeam === 'Legal' && week === 7 && userIndex === 0 : null,
          });
          if (isAi && !abandoned) {
            const month = new Date(startedAt).toISOString().slice(0, 7);
            loggedByUserMonth.set(`${user}|${month}`, (loggedByUserMonth.get(`${user}|${month}`) ?? 0) + 1);
          }
        }
      });
    }
  }
  const roster: RosterSpec[] = [];
  for (const [plannedTeam, users] of Object.entries(FIXTURE_TEAMS)) {
    const team = nameOf(plannedTeam);
    for (const user of users) {
      for (const month of ['2026-09', '2026-10', '2026-11']) {
        const logged = loggedByUserMonth.get(`${user}|${month}`) ?? 0;
        roster.push({ user_id: user, team, month, licensed: true, ai_tasks_total: user === 'f3' ? logged * 2 : logged, tasks_total: logged * 2 });
      }
    }
  }
  // (`idleTeam`: a team of three (`idleUsers`) licensed users on the roster with no task at all, in `idleMonths` (default every month))
  if (options.idleTeam) {
    for (const user of ['i1', 'i2', 'i3'].slice(0, options.idleUsers ?? 3)) {
      for (const month of options.idleMonths ?? ['2026-09', '2026-10', '2026-11']) roster.push({ user_id: user, team: options.idleTeam, month, licensed: true, ai_tasks_total: 0, tasks_total: 0 });
    }
  }
  // Loaded through Sunday of W47, so W47 is the latest complete week
  return makeCleanedData({ tasks, roster, loadedDates: { first: '2026-09-28', last: '2026-11-22' } });
}

/** Defaults, with groups of fewer than 2 users suppressed (Tiny). */
export function askConfig(spec: ConfigSpec = {}): Config {
  return testConfig({ ...spec, privacy: { minGroupSize: 2, ...(spec.privacy ?? {}) } });
}

/**
 * The ask engine over the committed sample (data/sample, report week 2026-W47), default config, as a new user asks.
 * @example const engine = await sampleAskEngine(); engine.ask('tell me about Procurement')
 */
export async function sampleAskEngine(options?: Parameters<typeof createAskEngine>[2]): Promise<AskEngine> {
  const config = parseConfig({});
  return createAskEngine(await cleanInput('data/sample', config), config, options);
}

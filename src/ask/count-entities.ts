import type { AnswerBody } from './answer-question.js';
import type { MetricsSource } from './metrics-source.js';
import { textTokens } from './text-tokens.js';
import { wordList } from '../util/word-list.js';

/** What a counting question about the data itself counts: "how many teams are there", "how many weeks are loaded". */
export type CountedEntity = 'team' | 'task_type' | 'week' | 'unknown';

const COUNT_LEADS = [['how', 'many'], ['number', 'of'], ['count', 'of'], ['count']];
const ENTITY_WORDS: Record<string, CountedEntity> = {
  team: 'team', teams: 'team', department: 'team', departments: 'team', dept: 'team', depts: 'team',
  week: 'week', weeks: 'week',
};
// Words that say only "in the data": with them alone the question counts the data's teams, task types or weeks.
const DATA_WORDS = new Set(['are', 'is', 'there', 'do', 'does', 'we', 'i', 'you', 'have', 'has', 'had', 'got', 'the', 'a', 'in', 'on', 'of', 'for', 'with',
  'data', 'dataset', 'report', 'loaded', 'load', 'listed', 'covered', 'included', 'known', 'exist', 'total', 'altogether', 'all', 'it', 'this', 'that',
  'uptake', 'input', 'logs', 'sample', 'tracked', 'track', 'tracking', 'roster', 'now', 'currently', 'overall', 'different', 'distinct', 'unique', 'so', 'far',
  'were', 'was', 'be', 'active']);

/**
 * A question that counts the data's own entities, "how many teams are there", "number of task types in the data",
 * "how many weeks are loaded": what it counts ('unknown' for "how many offices are there", a thing the data does not
 * hold), or null for any other question ("how many teams used AI" counts by a measure and is parsed as one).
 * @example countedEntity('how many teams are there') // 'team'
 */
export function countedEntity(question: string): CountedEntity | null {
  const asked = countAsked(question);
  if (!asked) return null;
  if (asked.rest.some((word) => !DATA_WORDS.has(word))) return null;
  return asked.thing ?? (asked.noun ? 'unknown' : null);
}

/**
 * The teams, task types or weeks a counting question asks about, whatever else it says ("how many teams were there in
 * W40"): a question no rule reads is then refused with what can be counted, not with the generic refusal.
 * @example countedThing('how many teams were there in W40') // 'team'
 */
export function countedThing(question: string): CountedEntity | null {
  return countAsked(question)?.thing ?? null;
}

function countAsked(question: string): { thing: CountedEntity | undefined; rest: string[]; noun: boolean } | null {
  const words = textTokens(question);
  const lead = COUNT_LEADS.find((phrase) => phrase.every((word, index) => words[index] === word));
  if (!lead) return null;
  let at = lead.length;
  if (words[at] === 'the' || words[at] === 'different' || words[at] === 'distinct') at += 1;
  const thing: CountedEntity | undefined = words[at] === 'task' && (words[at + 1] === 'types' || words[at + 1] === 'type') ? 'task_type' : ENTITY_WORDS[words[at] ?? ''];
  const rest = words.slice(thing === 'task_type' ? at + 2 : at + 1);
  // ("how many offices are there": a plural noun and nothing but "in the data" words)
  const noun = words.length > at && /^[a-z]{3,}s$/.test(words[at]) && !['users', 'people', 'tasks', 'hours', 'alerts', 'gaps', 'employees', 'seats'].includes(words[at]);
  return { thing, rest, noun };
}

/**
 * Answers a count of the data's entities: teams and task types with tasks in the report week (the metrics document's
 * rows, suppressed ones counted but said) beside every one the data names; the weeks holding tasks up to the report week.
 * @example answerEntityCount('team', source).answer // '7 teams had tasks in 2026-W47 …'
 */
export function answerEntityCount(entity: CountedEntity, source: MetricsSource): AnswerBody {
  const week = source.reportWeek;
  if (entity === 'week') {
    const weeks = source.weeks;
    const span = weeks.length === 0 ? '' : weeks.length === 1 ? `: ${weeks[0]}` : `, ${weeks[0]} to ${weeks[weeks.length - 1]}`;
    return {
      interpretation: `weeks holding tasks, up to the report week ${week}`,
      answer: `The data holds ${weeks.length} ${weeks.length === 1 ? 'week' : 'weeks'} with tasks${span} (up to the report week, ${week}).`,
      answered: true,
      table: { columns: ['week'], units: ['text'], rows: weeks.map((entry) => [entry]) },
      weeks,
    };
  }
  if (entity === 'unknown') {
    return {
      interpretation: 'a count of something the data does not hold',
      answer: 'The data holds teams, task types, users and weeks, so I can count only those: ask "how many teams are there", "how many task types are there", "how many users are there" or "how many weeks are loaded".',
      answered: false,
      table: { columns: [], units: [], rows: [] },
    };
  }
  const [one, many, column, table, all, where] = entity === 'team'
    ? ['team', 'teams', 'team', source.report.tables.adoption_by_team, source.teams, 'in its tasks or on its roster, in any week']
    : ['task type', 'task types', 'task_type', source.report.tables.adoption_by_task_type, source.taskTypes, 'in its tasks, in any week'];
  const rows = (table as Array<Record<string, unknown>>).filter((row) => row[column] !== '*');
  const active = new Set(rows.map((row) => String(row[column])));
  // (a team suppressed in the week, or one with no task whose roster is smaller than privacy.minGroupSize, as the list
  // "which teams did not use AI" counts it: counted together, never named as having done or not done anything)
  const hidden = new Set([
    ...rows.filter((row) => row.suppressed === true).map((row) => String(row[column])),
    ...(entity === 'team' ? all.filter((name) => !active.has(name) && source.quietTeamSuppressed(name, [week])) : []),
  ]);
  const plural = (count: number) => `${count} ${count === 1 ? one : many}`;
  const shownActive = [...active].filter((name) => !hidden.has(name)).length;
  const besides = hidden.size === 0 ? '' : `, besides ${hidden.size} suppressed (fewer than ${source.config.privacy.minGroupSize} users, so not shown in lists)`;
  const others = all.filter((name) => !active.has(name) && !hidden.has(name));
  const inAll = others.length === 0
    ? `no other ${one} is in the data (${where})`
    : `the data names ${plural(all.length)} in all (${where}); ${plural(others.length)} had no task in ${week}: ${wordList(others)}`;
  return {
    interpretation: `${many} with tasks in the report week ${week}, and ${many} in the data`,
    answer: `${plural(shownActive)} had tasks in ${week}${besides}; ${inAll}.`,
    answered: true,
    table: {
      columns: [column, 'tasks_in_report_week'],
      units: ['text', 'bool'],
      rows: all.map((name) => [name, hidden.has(name) ? null : active.has(name)]),
    },
    weeks: [week],
  };
}

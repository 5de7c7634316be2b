import type { AnswerBody } from './answer-question.js';
import type { MetricsSource } from './metrics-source.js';
import { spellNumbers } from './number-words.js';
import { textTokens } from './text-tokens.js';
import { isPair, parseTimeExpression, type TimeScope } from './time-expressions.js';
import { monthOfWeek, weekRange, weeksOfMonth } from '../util/iso-week.js';
import { formatCount } from '../metrics/column-catalog.js';
import { wordList } from '../util/word-list.js';

/** What a counting question about the data itself counts: "how many teams are there", "how many weeks are loaded". */
export type CountedEntity = 'team' | 'task_type' | 'week' | 'month' | 'roster' | 'unknown';

/** A count of the data's entities and the period it is over ("how many teams were there in W40"; `default`: none named). */
export interface EntityCount {
  entity: CountedEntity;
  time: TimeScope;
}

const COUNT_LEADS = [['how', 'many'], ['number', 'of'], ['count', 'of'], ['count']];
const ENTITY_WORDS: Record<string, CountedEntity> = {
  team: 'team', teams: 'team', department: 'team', departments: 'team', dept: 'team', depts: 'team',
  week: 'week', weeks: 'week', month: 'month', months: 'month',
};
// People, counted on the roster only when the question says so ("how many people are on the roster"); else "how many
// users are there" is the measure's count of users with an AI task.
const PEOPLE_WORDS = new Set(['people', 'users', 'persons', 'employees', 'staff', 'members', 'names']);
// Words that say only "in the data": with them alone the question counts the data's teams, task types or weeks.
const DATA_WORDS = new Set(['are', 'is', 'there', 'do', 'does', 'we', 'i', 'you', 'have', 'has', 'had', 'got', 'the', 'a', 'in', 'on', 'of', 'for', 'with',
  'data', 'dataset', 'report', 'loaded', 'load', 'listed', 'covered', 'included', 'known', 'exist', 'total', 'altogether', 'all', 'it', 'this', 'that',
  'uptake', 'input', 'logs', 'sample', 'tracked', 'track', 'tracking', 'roster', 'now', 'currently', 'overall', 'different', 'distinct', 'unique', 'so', 'far',
  'were', 'was', 'be', 'active']);

/**
 * A question that counts the data's own entities, "how many teams are there", "number of task types in the data",
 * "how many weeks are loaded", "how many months of data", "how many people are on the roster", with a time the question
 * names ("how many teams were there in W40", "in the last 4 weeks"): what it counts ('unknown' for "how many offices
 * are there", a thing the data does not hold) and when, or null for any other question ("how many teams used AI"
 * counts by a measure and is parsed as one).
 * @example countedEntity('how many teams were there in W40', '2026-W47')?.entity // 'team'
 */
export function countedEntity(question: string, reportWeek: string, firstWeek?: string): EntityCount | null {
  const asked = countAsked(question);
  if (!asked) return null;
  // (the time is read from the words after the thing counted, so "weeks" in "how many weeks …" stays the thing)
  const time = parseTimeExpression(asked.rest, reportWeek, firstWeek);
  const used = new Set(time.used);
  if (asked.rest.some((word, index) => !used.has(index) && !DATA_WORDS.has(word))) return null;
  // ("how many people are on the roster": the roster's people; "how many people are there" stays the measure's)
  if (asked.people) return asked.rest.includes('roster') ? { entity: 'roster', time: time.scope } : null;
  const entity = asked.thing ?? (asked.noun ? 'unknown' : null);
  return entity === null ? null : { entity, time: time.scope };
}

/**
 * The teams, task types or weeks a counting question asks about, whatever else it says ("how many teams were there in
 * the new office"): a question no rule reads is then refused with what can be counted, not with the generic refusal.
 * @example countedThing('how many teams were there in the new office') // 'team'
 */
export function countedThing(question: string): CountedEntity | null {
  return countAsked(question)?.thing ?? null;
}

function countAsked(question: string): { thing: CountedEntity | undefined; rest: string[]; noun: boolean; people: boolean } | null {
  const words = spellNumbers(textTokens(question));
  const lead = COUNT_LEADS.find((phrase) => phrase.every((word, index) => words[index] === word));
  if (!lead) return null;
  let at = lead.length;
  if (words[at] === 'the' || words[at] === 'different' || words[at] === 'distinct') at += 1;
  const thing: CountedEntity | undefined = words[at] === 'task' && (words[at + 1] === 'types' || words[at + 1] === 'type') ? 'task_type' : ENTITY_WORDS[words[at] ?? ''];
  const rest = words.slice(thing === 'task_type' ? at + 2 : at + 1);
  // ("how many months of data", "how many weeks of data": "data" after "of" is the data's own)
  // ("how many offices are there": a plural noun and nothing but "in the data" words)
  const noun = words.length > at && /^[a-z]{3,}s$/.test(words[at]) && !['users', 'people', 'tasks', 'hours', 'alerts', 'gaps', 'employees', 'seats'].includes(words[at]);
  return { thing, rest, noun, people: thing === undefined && PEOPLE_WORDS.has(words[at] ?? '') };
}

// The weeks with tasks a count is over: those of the time asked, or by default the report week (every loaded week for a
// count of weeks or months).
function weeksAsked(count: EntityCount, source: MetricsSource): { weeks: string[]; where: string } {
  const time = count.time;
  const wanted = time.kind === 'default' ? (count.entity === 'week' || count.entity === 'month' ? source.weeks : [source.reportWeek])
    : time.kind === 'week' ? [time.week]
      : time.kind === 'month' ? weeksOfMonth(time.month)
        : isPair(time) ? [time.fromWeek, time.toWeek] : time.fromWeek <= time.toWeek ? weekRange(time.fromWeek, time.toWeek) : [];
  const weeks = wanted.filter((week) => source.weeks.includes(week));
  const span = weeks.length === 0 ? '' : weeks.length === 1 ? weeks[0] : `${weeks[0]} to ${weeks[weeks.length - 1]}`;
  const where = weeks.length === 0 ? (time.kind === 'default' ? 'the data' : `"${time.phrase}"`)
    : time.kind === 'month' ? `in ${time.month} (${weeks.length === 1 ? 'week' : 'weeks'} ${span})`
      : weeks.length === 1 ? `in ${span}` : isPair(time) ? `in ${weeks[0]} and ${weeks[1]}` : `from ${span}`;
  return { weeks, where };
}

/**
 * Answers a count of the data's entities over the period asked (the report week by default): teams and task types with
 * tasks then (the metrics documents' rows; suppressed ones, and teams without tasks whose roster is below
 * privacy.minGroupSize, counted together, never named as having done or not done anything) beside every one the data
 * names; the weeks and months holding tasks (up to the report week); the people on the roster in the months of the period.
 * @example answerEntityCount({ entity: 'team', time: { kind: 'default' } }, source).answer // '6 teams had tasks in 2026-W47, besides 1 suppressed …'
 */
export function answerEntityCount(count: EntityCount, source: MetricsSource): AnswerBody {
  const { entity } = count;
  const { weeks, where } = weeksAsked(count, source);
  const week = source.reportWeek;
  if (entity === 'unknown') {
    return {
      interpretation: 'a count of something the data does not hold',
      answer: 'The data holds teams, task types, users, weeks and months, so I can count only those: ask "how many teams are there", "how many task types are there", "how many users are there", "how many people are on the roster", "how many weeks are loaded" or "how many months of data are there".',
      answered: false,
      table: { columns: [], units: [], rows: [] },
    };
  }
  if (weeks.length === 0) {
    return {
      interpretation: `${entity === 'task_type' ? 'task types' : entity === 'roster' ? 'people on the roster' : `${entity}s`}, ${where}`,
      answer: `The data holds no week with tasks ${where === 'the data' ? 'up to the report week' : `in ${where}`}: it holds ${source.weeks.length === 0 ? 'no weeks' : `${source.weeks[0]} to ${source.weeks[source.weeks.length - 1]}`}.`,
      answered: true,
      table: { columns: [], units: [], rows: [] },
    };
  }
  if (entity === 'week') {
    const span = weeks.length === 1 ? `: ${weeks[0]}` : `, ${weeks[0]} to ${weeks[weeks.length - 1]}`;
    const within = count.time.kind === 'default' ? '' : ` ${where}`;
    return {
      interpretation: `weeks holding tasks${within}, up to the report week ${week}`,
      answer: `The data holds ${weeks.length} ${weeks.length === 1 ? 'week' : 'weeks'} with tasks${within || span} (up to the report week, ${week}).`,
      answered: true,
      table: { columns: ['week'], units: ['text'], rows: weeks.map((entry) => [entry]) },
      weeks,
    };
  }
  if (entity === 'month') {
    // (a week is its Thursday's month's, as "in October" reads it; a month holds tasks when one of its weeks does)
    const months = [...new Set(weeks.map(monthOfWeek))];
    const weeksIn = (month: string) => weeks.filter((entry) => monthOfWeek(entry) === month);
    const complete = (month: string) => weeksOfMonth(month).every((entry) => source.weeks.includes(entry));
    const partial = months.filter((month) => !complete(month));
    const within = count.time.kind === 'default' ? '' : ` ${where}`;
    return {
      interpretation: `months holding tasks${within} (a week in its Thursday's month), up to the report week ${week}`,
      answer: `The data holds ${months.length} ${months.length === 1 ? 'month' : 'months'} with tasks${within}: ${wordList(months.map((month) => `${month} (${weeksIn(month).length} of its ${weeksOfMonth(month).length} weeks)`))}` +
        `${partial.length === 0 ? '' : `; ${partial.length === months.length && partial.length > 1 ? 'none is' : partial.length === 1 ? `${partial[0]} is not` : `${wordList(partial)} are not`} loaded whole`} (a week counts in the month of its Thursday).`,
      answered: true,
      table: { columns: ['month', 'weeks_with_tasks', 'weeks_in_month'], units: ['text', 'count', 'count'], rows: months.map((month) => [month, weeksIn(month).length, weeksOfMonth(month).length]) },
      weeks,
    };
  }
  if (entity === 'roster') {
    // (the roster month of a week holds its Thursday, as user adoption reads licences)
    const months = [...new Set(weeks.map(monthOfWeek))];
    const { people, licensed } = source.rosterPeople(months);
    const when = months.length === 1 ? months[0] : `${months[0]} to ${months[months.length - 1]}`;
    return {
      interpretation: `people on the roster in ${when} (the roster month of ${count.time.kind === 'default' ? `the report week ${week}` : where.replace(/^(in|from) /, '')})`,
      answer: `The roster lists ${formatCount(people)} ${people === 1 ? 'person' : 'people'} in ${when}, ${formatCount(licensed)} of them licensed.`,
      answered: true,
      table: { columns: ['months', 'people', 'licensed_users'], units: ['text', 'count', 'count'], rows: [[when, people, licensed]] },
      weeks,
    };
  }
  const [one, many, column, all, where0] = entity === 'team'
    ? ['team', 'teams', 'team', source.teams, 'in its tasks or on its roster, in any week']
    : ['task type', 'task types', 'task_type', source.taskTypes, 'in its tasks, in any week'];
  const rows = weeks.flatMap((entry) => groupRows(entity, entry, source)).filter((row) => row.name !== '*');
  const active = new Set(rows.map((row) => row.name));
  // (a group shown in any week of the period is shown; one suppressed in every week it had tasks, or a team without
  // tasks whose roster is below privacy.minGroupSize, as the list "which teams did not use AI" counts it: counted
  // together, never named as having done or not done anything)
  const shownOnce = new Set(rows.filter((row) => !row.suppressed).map((row) => row.name));
  const hidden = new Set([
    ...[...active].filter((name) => !shownOnce.has(name)),
    ...(entity === 'team' ? all.filter((name) => !active.has(name) && source.quietTeamSuppressed(name, weeks)) : []),
  ]);
  const plural = (value: number) => `${value} ${value === 1 ? one : many}`;
  const besides = hidden.size === 0 ? '' : `, besides ${hidden.size} suppressed (fewer than ${source.config.privacy.minGroupSize} users, so not shown in lists)`;
  const others = all.filter((name) => !active.has(name) && !hidden.has(name));
  const inAll = others.length === 0
    ? `no other ${one} is in the data (${where0})`
    : `the data names ${plural(all.length)} in all (${where0}); ${plural(others.length)} had no task ${where}: ${wordList(others)}`;
  const period = count.time.kind === 'default' ? `the report week ${week}` : where.replace(/^(in|from) /, '');
  return {
    interpretation: `${many} with tasks in ${period}, and ${many} in the data`,
    answer: `${plural(shownOnce.size)} had tasks ${where}${besides}; ${inAll}.`,
    answered: true,
    table: {
      columns: [column, count.time.kind === 'default' ? 'tasks_in_report_week' : 'tasks_in_period'],
      units: ['text', 'bool'],
      rows: all.map((name) => [name, hidden.has(name) ? null : active.has(name)]),
    },
    weeks,
  };
}

// The teams (task types) with tasks in a week and whether each is suppressed: the report's adoption trend for teams (no
// other week's document needed), the week's document for task types.
function groupRows(entity: 'team' | 'task_type', week: string, source: MetricsSource): Array<{ name: string; suppressed: boolean }> {
  const rows: Array<Record<string, unknown>> = entity === 'team'
    ? source.report.tables.adoption_trend.filter((row) => row.week === week)
    : source.document(week).tables.adoption_by_task_type;
  const key = entity === 'team' ? 'team' : 'task_type';
  return rows.map((row) => ({ name: String(row[key]), suppressed: row.suppressed === true }));
}

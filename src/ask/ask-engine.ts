import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
import { answerQuestion, headline, weekAlerts, type AskTable, type Headline, type WeekAlert } from './answer-question.js';
import { answerEntityCount, countedEntity, countedThing } from './count-entities.js';
import { createMetricsSource, type MetricsSource, type ResolvedReport } from './metrics-source.js';
import { parseQuestion, PERIODS_COUNTED, type Interpretation } from './parse-question.js';
import { monthNumberOf } from './time-expressions.js';
import { ASK_PATTERNS } from './patterns.js';
import { suggestQuestions } from './suggest-questions.js';
import { shiftMonth } from '../util/iso-week.js';
import { wordList } from '../util/word-list.js';

/** One answer: a sentence and its evidence table, or (answered: false) the closest questions that work. */
export interface AskAnswer {
  question: string;
  answered: boolean;
  /** How the question was read, in words, e.g. `change in adoption by team, 2026-W47, only those below -10.0 pts`. */
  interpretation: string;
  answer: string;
  table: AskTable;
  /** The weeks the answer covers (week-grain metrics), else the weeks whose metric documents it read. */
  weeks: string[];
  /** Example questions close to an unanswered one (empty when answered). */
  suggestions: string[];
}

export interface AskEngine {
  source: MetricsSource;
  ask(question: string): AskAnswer;
  /** The documented example questions, with names from this data. */
  examples(): string[];
  headline(): Headline;
  /** The report week's alerts (suppressed teams' left out). */
  alerts(): WeekAlert[];
}

/**
 * An engine over cleaned data: parses questions deterministically and answers them from the metric
 * documents of the weeks they need (each computed once). `report` is the report week and its metrics as
 * loadReport gave them; without it, `week` (`latest` by default) is resolved here.
 * @example createAskEngine(data, config).ask('which teams dipped more than 10 points last week').answer
 */
export function createAskEngine(data: CleanedData, config: Config, options: { week?: string; report?: ResolvedReport } = {}): AskEngine {
  const source = createMetricsSource(data, config, options.report ?? options.week ?? 'latest');
  const visibleTeams = source.report.tables.adoption_by_team.filter((row) => row.team !== '*' && row.suppressed !== true).map((row) => row.team);
  const team = visibleTeams[0] ?? source.teams[0] ?? 'Finance';
  const taskType = source.taskTypes[0] ?? 'drafting';
  const team2 = visibleTeams[1] ?? source.teams[1] ?? team;
  const examples = ASK_PATTERNS.map((pattern) =>
    pattern.example.replace('{team}', team).replace('{team2}', team2).replace('{task_type}', taskType.replace(/_/g, ' ')),
  );
  const vocabulary = { teams: source.teams, taskTypes: source.taskTypes, reportWeek: source.reportWeek, firstWeek: source.weeks[0] };
  return {
    source,
    examples: () => [...examples],
    headline: () => headline(source),
    alerts: () => weekAlerts(source),
    ask(question) {
      source.takeWeeksRead();
      // a question not answered, and why: said, never guessed at, with questions close to it
      const refuse = (interpretation: string, answer: string): AskAnswer => ({
        question,
        answered: false,
        interpretation,
        answer,
        table: { columns: [], units: [], rows: [] },
        weeks: [],
        suggestions: suggestQuestions(question, examples),
      });
      // "how many teams are there", "how many weeks are loaded": the data's own entities, counted
      const entity = countedEntity(question, source.reportWeek, source.weeks[0]);
      if (entity) {
        const { weeks, ...body } = answerEntityCount(entity, source);
        source.takeWeeksRead();
        return { question, ...body, weeks: weeks ?? [], suggestions: body.answered ? [] : suggestQuestions(question, examples) };
      }
      const interpretation = parseQuestion(question, vocabulary);
      // ("how many teams were there in W40": a count of the data's teams with more than "in the data")
      const thing = interpretation ? null : countedThing(question);
      if (thing === 'team' || thing === 'task_type') {
        const many = thing === 'team' ? 'teams' : 'task types';
        return refuse(
          `a count of ${many}, with words I cannot read`,
          `I can count the ${many} with tasks in a week, a month or a range ("how many ${many} were there in W40", "… in the last 4 weeks"; the report week, ${source.reportWeek}, when none is named) and those in the data ("how many ${many} are there"); for a measure by ${thing === 'team' ? 'team' : 'task type'}, ask for it ("AI tasks by ${thing === 'team' ? 'team' : 'task type'} in W40").`,
        );
      }
      if (!interpretation) {
        return refuse('no metric recognised', 'I could not match this question to a metric in the report, so I will not guess. Questions close to it that I can answer are listed below.');
      }
      // (how a mistyped metric word was read, said where the answer says how the question was read)
      const read = (described: string) => [described, ...interpretation.typos.map(({ asked, read }) => `reading "${asked}" as "${read}"`)].join(', ');
      const metric = read(interpretation.metric.label);
      if (interpretation.ambiguousNames.length > 0) {
        const alike = interpretation.ambiguousNames
          .map(({ asked, names }) => `"${asked}" could be ${wordList(names.map((entity) => `the ${entity.kind === 'team' ? 'team' : 'task type'} ${entity.name}`), 'or')}`)
          .join('; ');
        return refuse(`${metric}, but ${alike}`, `${alike}, so I will not guess; write the name as the data spells it.`);
      }
      if (interpretation.unknownNames.length > 0) {
        const names = quotedList(interpretation.unknownNames);
        return refuse(
          `${metric}, but no team or task type called ${names}`,
          `The data has no team or task type called ${names}, so I will not guess. Teams: ${source.teams.join(', ')}. Task types: ${source.taskTypes.join(', ')}.`,
        );
      }
      if (interpretation.leftOut.length > 0) {
        const words = quotedList(interpretation.leftOut);
        return refuse(
          `${metric}, but with a name left out (${words}), which I cannot read yet`,
          `I cannot leave a team or task type out (${words}) yet, so I will not guess; ask for all teams ("adoption by team") or name the ones you want.`,
        );
      }
      if (interpretation.unknownTime.length > 0) {
        const times = quotedList(interpretation.unknownTime);
        // ("since last week" is the change against the week before, which "versus last week" asks for)
        const sinceWeek = interpretation.unknownTime.some((time) => /^(since|after) (last|this) week$/.test(time))
          ? ` For the change since the week before, ask "${interpretation.metric.label} versus last week".`
          : '';
        // ("after W47", "before W40": a bound with no data on its side, said with the weeks the data holds)
        const outside = interpretation.unknownTime.some((time) => /^(before|after|until|till|through|thru|up to|prior to|since) \S*\d/.test(time)) && source.weeks.length > 0
          ? ` The data holds ${source.weeks[0]} to ${source.weeks[source.weeks.length - 1]}.`
          : '';
        // ("vs last 4 weeks": the report week against the weeks before it, named as two questions that answer it)
        const several = interpretation.unknownTime.map((time) => /^(?:vs|versus|against|compared \S+|relative to) .*?(\d+) (weeks|months)/.exec(time)).find((match) => match !== null);
        const reportAt = source.weeks.indexOf(source.reportWeek);
        const span = several ? Number(several[1]) : 0;
        const asked = [...interpretation.teams, ...interpretation.taskTypes, interpretation.metric.label].join(' ');
        const before = several && several[2] === 'weeks' && span > 0 && reportAt - span >= 0
          ? ` To set ${source.reportWeek} against the ${span} weeks before it, ask "${asked} in ${source.reportWeek}" and "${asked} from ${source.weeks[reportAt - span]} to ${source.weeks[reportAt - 1]}".`
          : several ? ` Ask for each period by itself ("${asked} this month", "${asked} from W40 to W44").` : '';
        // ("October vs November", "hours saved in November vs October": two months, each asked by itself, or the report's
        // month against the one before)
        const otherMonth = interpretation.time.kind === 'month' ? interpretation.unknownTime.find((time) => monthNumberOf(time) !== undefined) : undefined;
        const twoMonths = otherMonth !== undefined && interpretation.time.kind === 'month'
          ? ` To compare two months, ask about each by itself ("${asked} in ${interpretation.time.month}", "${asked} in ${otherMonth.charAt(0).toUpperCase()}${otherMonth.slice(1)}")` +
            // (hours and counts add up over a month's weeks, which differ in number: only a rate compares month against month)
            // (and only when the two are the report's month and the one before)
            (interpretation.metric.unit === 'rate' && reportAndBefore(source.reportMonth, interpretation.time.month, otherMonth) ? `, or "${asked} this month vs last month".` : '.')
          : '';
        return refuse(
          `${metric}, but no time I can read in ${times}`,
          `I cannot read the time in ${times}, so I will not guess; name a week (2026-W45, "last week"), a month ("in October", "this month"), "since W40" or "over the last 4 weeks". The report week is ${source.reportWeek}.${outside}${sinceWeek}${before}${twoMonths}`,
        );
      }
      if (interpretation.unreadBreakdowns.length > 0) {
        const words = quotedList(interpretation.unreadBreakdowns);
        return refuse(
          `${metric}, but not broken down ${words}`,
          `I cannot give ${interpretation.metric.label} broken down ${words} yet, so I will not answer for everyone instead. Questions close to it that I can answer are listed below.`,
        );
      }
      if (interpretation.unplaced.length > 0) {
        const words = quotedList(interpretation.unplaced);
        return refuse(
          `${metric}, but ${words} not read`,
          `I cannot read ${words} in this question yet, so I will not guess; the report's tables hold weekly and monthly totals, rates and counts per team and task type, one condition at a time.${averageHint(interpretation)}${negationHint(interpretation)}${periodCountHint(interpretation)} Questions close to it that I can answer are listed below.`,
        );
      }
      if (interpretation.unreadWords.length > 0) {
        const words = quotedList(interpretation.unreadWords);
        return refuse(
          `${metric}, but ${words} not understood`,
          `I do not understand ${words} in this question, and the answer without it could be another question's (a place, group, product or condition the report's tables do not hold), so I will not guess. The tables hold teams (${source.teams.join(', ')}), task types and weeks. Questions close to it that I can answer are listed below.`,
        );
      }
      const { weeks, ...body } = answerQuestion(interpretation, source);
      const weeksRead = source.takeWeeksRead();
      const answer = body.answered ? body.answer + beforeTheData(interpretation, source) : body.answer;
      return { question, ...body, answer, interpretation: read(body.interpretation), weeks: weeks ?? weeksRead, suggestions: body.answered ? [] : suggestQuestions(question, examples) };
    },
  };
}

// Whether two months, one as YYYY-MM and one as a name ("october", "oct"), are the report's month and the one before.
function reportAndBefore(reportMonth: string, month: string, name: string): boolean {
  const number = monthNumberOf(name);
  const before = shiftMonth(reportMonth, -1);
  const named = [Number(before.slice(5)), Number(reportMonth.slice(5))];
  return (month === reportMonth || month === before) && number !== undefined && named.includes(number) && number !== Number(month.slice(5));
}

// The question's words a refusal names, each in quotes: '"Q3", "yesterday"'.
function quotedList(words: string[]): string {
  return words.map((word) => `"${word}"`).join(', ');
}

// ("average adoption across teams": the all-teams figure, which weighs every task, and the list of teams, each asked for)
function averageHint(interpretation: Interpretation): string {
  if (!interpretation.unplaced.some((word) => /^(average|mean|avg)$/i.test(word))) return '';
  const label = interpretation.metric.label;
  const pooled = interpretation.metric.unit === 'rate' ? 'every team\'s tasks pooled, so a bigger team weighs more; not a mean of the team figures' : 'the all-teams total, not a mean of the team figures';
  return ` For all teams taken together (${pooled}) ask "${label} across all teams combined"; for each team, "${label} by team".`;
}

// "not dip", "didn't grow", "did not use", "no harmful", "without any": the negation, then the word it negates
const NEGATION = /^((did|do|does|have|has|had|are|is|were|was)\s+not|not\s+any|without\s+any|not|never|no|zero|without|\S+n['’]t)\s+/i;

// ("which teams did not dip": answered without "not" it would be the teams that dipped; the question without it, whose
// table lists every team, answers it)
function negationHint(interpretation: Interpretation): string {
  const negated = interpretation.unplaced.find((phrase) => NEGATION.test(phrase));
  if (negated === undefined) return '';
  const word = negated.replace(NEGATION, '');
  return ` A negation ("${negated}") is not read: ask without it ("${interpretation.metric.label} by team", or with "${word}") and the table shows every team.`;
}

// ("how many weeks did Legal dip": no table counts periods; each week's figure, asked for, lets them be counted)
function periodCountHint(interpretation: Interpretation): string {
  const counted = interpretation.unplaced.find((phrase) => PERIODS_COUNTED.test(phrase));
  if (counted === undefined) return '';
  const grain = /months$/i.test(counted) ? 'month' : 'week';
  const named = [...interpretation.teams, ...interpretation.taskTypes].join(' ');
  // (a week's change in adoption is read from its weekly series)
  const label = interpretation.metric.id === 'delta_pts' ? 'adoption' : interpretation.metric.label;
  return ` A count of ${grain}s is in no table: ask for each ${grain}'s figure ("${named ? `${named} ` : ''}${label} per ${grain}${grain === 'week' ? ' since W40' : ''}") and count them there.`;
}

// A period that starts before the data ("since W30", "since W48" read as 2025-W48, "over the last 12 weeks" of 8) is
// answered over the weeks the data holds: said, so the answer is not taken for the whole period asked.
function beforeTheData(interpretation: Interpretation, source: MetricsSource): string {
  const time = interpretation.time;
  if (time.kind !== 'range' || time.pair === true || source.weeks.length === 0 || time.fromWeek >= source.weeks[0] || time.toWeek < source.weeks[0]) return '';
  return ` The data begins at ${source.weeks[0]}; "${time.phrase}" starts at ${time.fromWeek}.`;
}

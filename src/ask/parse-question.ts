import { registry } from '../metrics/registry.js';
import { KPI_SYNONYMS } from '../metrics/synonyms.js';
import { askMetrics, metricPhrases, type AskMetric } from './metric-catalog.js';
import { matchEntities, type Entity, type EntityMatch } from './match-entities.js';
import { spellNumbers } from './number-words.js';
import { editDistance, foldName, textTokens } from './text-tokens.js';
import { compareText } from '../util/compare-text.js';
import { lastMonthOfWeek } from '../util/iso-week.js';
import { boundBefore, isPair, LEAD_WORDS, monthNumberOf, parseTimeExpression, type TimeScope } from './time-expressions.js';
import { SeveritySchema } from '../config/schema.js';
import { unreadWords } from './unread-words.js';

export type Dimension = 'team' | 'task_type' | 'user';

/** A threshold the question compares against, in the metric's own unit (rates as fractions). */
export interface Comparison {
  op: '>' | '>=' | '<' | '<=';
  value: number;
  /** `overall`: against the all-teams value of the same metric and period ("under-perform", "below average"). */
  unit: 'pts' | 'rate' | 'hours' | 'count' | 'minutes' | 'number' | 'overall';
  text: string;
}

export interface Ranking {
  /** `desc`: highest first. */
  order: 'desc' | 'asc';
  limit: number;
  text: string;
}

/** Which way a change was asked about: "dipped" (down), "grew" (up), "changed" (any). */
export type Movement = 'down' | 'up' | 'any';

/** What the question asks, in terms of the metric tables. */
export interface Interpretation {
  metric: AskMetric;
  /** What to list: "which teams", "task types", "users"; null for one number. */
  dimension: Dimension | null;
  teams: string[];
  taskTypes: string[];
  comparison: Comparison | null;
  ranking: Ranking | null;
  movement: Movement | null;
  time: TimeScope;
  /** "how many teams …": answer with the count. */
  countOnly: boolean;
  /** Capitalised words that look like a team or task type but match none in the data (never guessed at). */
  unknownNames: string[];
  /** Words that are several names once case and accents are gone ("zurich": Zurich and Zürich), never guessed at. */
  ambiguousNames: AmbiguousName[];
  /** Mistyped metric words and the word each was read as ("adoptoin" as "adoption"): the answer says so. */
  typos: Array<{ asked: string; read: string }>;
  /** No measure was named ("top teams", "is Legal above average"): adoption rate, the report's headline, is read (and said). */
  measureAssumed?: true;
  /** Time words no time rule could read ("yesterday", "Q3", "2025"): refused rather than ignored. */
  unknownTime: string[];
  /** Phrases holding a word no rule read and that is no filler ("in the new office"): refused, naming them, never dropped. */
  unreadWords: string[];
  /** Words that leave a name out ("except", "excluding", "everyone but"): refused, not answered for that name. */
  leftOut: string[];
  /**
   * Words no rule read that would change the question ("per task", "average", "median", "will", "money", a second
   * condition, a number or an id): answering without them answers another question, so it is refused.
   */
  unplaced: string[];
  /**
   * Breakdowns asked for that the answer would not give ("how many users per task type" answered for everyone, "power
   * users by team", "summary by team"): refused, named.
   */
  unreadBreakdowns: string[];
  /** "versus last week", "higher than last month": the period against the one before it, and the way asked about. */
  versus: Versus | null;
  /** "did any team …", "is anyone …" (any); "did everyone …" (every): answers start with Yes or No. */
  existence: 'any' | 'every' | null;
  /** A yes/no question ("is uptake rising?", "has Procurement's adoption dropped?"). */
  yesNo: boolean;
  /** Alert severities asked for ("high alerts", "medium or low severity alerts"); empty for every severity. */
  severities: string[];
  /** "which week had the highest adoption", "the best month for ASI": the periods are ranked, not the teams of one. */
  rankedPeriod?: 'week' | 'month';
  /** "average tasks per week": the mean over the weeks in range of a weekly count (the total over the number of weeks). */
  weeklyAverage?: boolean;
  /** "hours saved per week by team", "weekly adoption": each period's value asked for, not the change across them. */
  eachPeriod?: boolean;
  /**
   * The groups by whether their count (`metric`) is zero: "which teams did not use AI", "which task types had no harmful
   * tasks" (none); "how many teams had harmful tasks", "how many teams used AI" (some).
   */
  having?: 'none' | 'some';
  /** "which users did not use AI": people asked for by name, whom the report only counts. */
  peopleListed?: true;
}

/** Words of the question, as written, and the names in the data they could be. */
export interface AmbiguousName {
  asked: string;
  names: Entity[];
}

/** A comparison with the period before: which grain, and which way the question expects it to have gone. */
export interface Versus {
  unit: 'week' | 'month';
  direction: 'up' | 'down' | null;
}

/** The vocabulary a question is parsed against: the names in the data and the report week. */
export interface AskVocabulary {
  teams: string[];
  taskTypes: string[];
  reportWeek: string;
  /** First week holding data: "trend" without a time means from here. */
  firstWeek?: string;
}

const MOVEMENT_WORDS: Record<string, Movement> = Object.fromEntries([
  ...['dip', 'dipped', 'dips', 'dipping', 'drop', 'dropped', 'drops', 'dropping', 'fell', 'fall', 'falls', 'falling', 'decline', 'declined',
    'declining', 'decrease', 'decreased', 'decreasing', 'down', 'fallen', 'shrank', 'shrunk', 'shrinking', 'lost', 'sank', 'sinking', 'sliding', 'slid'].map((word) => [word, 'down']),
  ...['grew', 'grow', 'grown', 'grows', 'growing', 'growth', 'rose', 'risen', 'rise', 'rises', 'rising', 'increase', 'increased', 'increasing', 'up', 'gained', 'gain',
    'gains', 'climbed', 'climbing', 'jumped'].map((word) => [word, 'up']),
  ...['change', 'changed', 'changes', 'changing', 'moved', 'move', 'trend', 'trends', 'trending', 'evolve', 'evolved', 'develop', 'developed',
    'over', 'time', 'progress', 'progressed', 'shift', 'shifted'].map((word) => [word, 'any']),
]) as Record<string, Movement>;
// "Better" and "worse" move up or down by the metric's good direction (a worse harm rate rises).
const QUALITY_WORDS: Record<string, 'better' | 'worse'> = Object.fromEntries([
  ...['better', 'improve', 'improved', 'improves', 'improving', 'improvement'].map((word) => [word, 'better']),
  ...['worse', 'worsen', 'worsened', 'worsening', 'deteriorate', 'deteriorated', 'deteriorating', 'slip', 'slipped', 'slipping', 'slips'].map((word) => [word, 'worse']),
]) as Record<string, 'better' | 'worse'>;
// Ongoing change ("is uptake rising?", "getting worse", "over time"): the change over the weeks, not one week's.
const TREND_WORDS = new Set(['rising', 'growing', 'improving', 'slipping', 'declining', 'falling', 'dropping', 'worsening', 'deteriorating', 'increasing',
  'decreasing', 'climbing', 'sliding', 'sinking', 'shrinking', 'developing', 'developed', 'evolving', 'evolved', 'progressing', 'progressed']);
// "over" and "time" only count as movement words in "over time".
const WEAK_MOVEMENT = new Set(['over', 'time', 'up', 'down']);
const SERIES_WORDS = new Set(['weekly', 'monthly', 'trend', 'trends', 'trending', 'timeline', 'history', 'series']);

const DIMENSION_WORDS: Record<string, [Dimension, boolean]> = {
  team: ['team', false], teams: ['team', true], department: ['team', false], departments: ['team', true], dept: ['team', false], depts: ['team', true],
  group: ['team', false], groups: ['team', true],
  type: ['task_type', false], types: ['task_type', true], task: ['task_type', false], tasks: ['task_type', true], category: ['task_type', false],
  categories: ['task_type', true], workflow: ['task_type', false], workflows: ['task_type', true], case: ['task_type', false], cases: ['task_type', true],
  user: ['user', false], users: ['user', true], who: ['user', true], people: ['user', true], person: ['user', false], employees: ['user', true],
  employee: ['user', false], whom: ['user', true], anyone: ['user', true], anybody: ['user', true], someone: ['user', true], somebody: ['user', true],
  everyone: ['user', true], everybody: ['user', true], staff: ['user', true],
};
// Words that make a question ask for a share of tasks: "what percentage of Finance's tasks went through AI".
const SHARE_WORDS = new Set(['percentage', 'percent', 'share', 'fraction', 'proportion', 'ratio']);
// Adoption synonyms that are verbs of using the tool: with "who" or "people" they ask about users.
const USE_VERBS = new Set(['use', 'rely', 'relies', 'relied', 'relying', 'touch', 'touched']);
// Words of a start ("how long before people start").
const START_WORDS = new Set(['start', 'starts', 'started', 'starting', 'begin', 'begins', 'began']);
// The logging coverage's words that are also the verb of a count ("how many tasks did Finance log").
const LOG_VERBS = new Set(['log', 'logged']);
const EXISTENCE_LEADS = new Set(['did', 'is', 'are', 'was', 'were', 'does', 'do', 'has', 'have', 'any']);
const VERSUS_LEADS = new Set(['than', 'versus', 'vs', 'against']);
// Words that ask for periods taken together: "total hours saved in W44 and W45"
const TOGETHER_WORDS = new Set(['total', 'combined', 'together', 'altogether', 'sum']);
const UP_WORDS = new Set(['higher', 'more', 'better', 'bigger', 'greater', 'up', 'above']);
const DOWN_WORDS = new Set(['lower', 'less', 'worse', 'fewer', 'smaller', 'down', 'below']);

const COMPARISON_WORDS: Array<[string[], Comparison['op']]> = [
  [['more', 'than'], '>'], [['greater', 'than'], '>'], [['higher', 'than'], '>'], [['bigger', 'than'], '>'], [['over'], '>'], [['above'], '>'],
  [['exceeding'], '>'], [['exceeds'], '>'], [['exceeded'], '>'], [['beyond'], '>'], [['at', 'least'], '>='], [['no', 'less', 'than'], '>='],
  [['not', 'below'], '>='], [['minimum', 'of'], '>='], [['less', 'than'], '<'], [['fewer', 'than'], '<'], [['lower', 'than'], '<'],
  [['under'], '<'], [['below'], '<'], [['beneath'], '<'], [['at', 'most'], '<='], [['no', 'more', 'than'], '<='], [['not', 'above'], '<='],
  [['maximum', 'of'], '<='], [['by'], '>='],
];

const UNIT_WORDS: Record<string, Comparison['unit']> = {
  '%': 'rate', percent: 'rate', pct: 'rate', percentage: 'rate', points: 'pts', point: 'pts', pts: 'pts', pt: 'pts', pp: 'pts',
  hours: 'hours', hour: 'hours', h: 'hours', hrs: 'hours', hr: 'hours', tasks: 'count', task: 'count', minutes: 'minutes', min: 'minutes', mins: 'minutes',
};

// A threshold counted in people ("more than 9 users", "fewer than 10 people"): users with an AI task.
const PEOPLE_UNITS = new Set(['users', 'user', 'people', 'person', 'persons', 'employees', 'staff', 'members', 'colleagues']);

const RANK_WORDS: Record<string, { order: 'desc' | 'asc' | 'best' | 'worst'; plural?: boolean }> = {
  top: { order: 'desc' }, highest: { order: 'desc' }, most: { order: 'desc' }, largest: { order: 'desc' }, biggest: { order: 'desc' },
  greatest: { order: 'desc' }, max: { order: 'desc' }, maximum: { order: 'desc' }, leading: { order: 'desc' }, leaders: { order: 'desc', plural: true },
  bottom: { order: 'asc' }, lowest: { order: 'asc' }, least: { order: 'asc' }, fewest: { order: 'asc' }, smallest: { order: 'asc' },
  min: { order: 'asc' }, minimum: { order: 'asc' }, lagging: { order: 'asc' }, laggards: { order: 'asc', plural: true },
  best: { order: 'best' }, worst: { order: 'worst' }, strongest: { order: 'best' }, weakest: { order: 'worst' }, heaviest: { order: 'desc' },
  behind: { order: 'asc' }, ahead: { order: 'desc' }, laggard: { order: 'asc' }, leader: { order: 'desc' },
};
// Rank words that, said of one named group, set it against everyone: "is Legal lagging", "is HR ahead", "is Finance a leader"
const STANDING_WORDS = new Set(['lagging', 'behind', 'ahead', 'leading', 'laggard', 'laggards', 'leader', 'leaders']);

/** Words that never name a team or task type by a typo or an abbreviation. */
export function reservedWords(): Set<string> {
  const words = new Set<string>([
    ...Object.keys(MOVEMENT_WORDS), ...Object.keys(DIMENSION_WORDS), ...Object.keys(UNIT_WORDS), ...Object.keys(RANK_WORDS),
    ...COMPARISON_WORDS.flatMap(([phrase]) => phrase),
    ...SERIES_WORDS, ...Object.keys(QUALITY_WORDS), ...TREND_WORDS, ...SHARE_WORDS, 'underperform', 'underperforming', 'outperform', 'outperforming', 'average', 'overall', 'struggling',
    ...'which what who how many much did does do is are was were the a an of in on for by to from since last this week weeks month months year per each every all across with and or than that there any our we me show list give tell between during over has have had been be at it its their them compare versus vs ai'.split(' '),
  ]);
  for (const metric of askMetrics()) for (const synonym of metric.synonyms) for (const word of textTokens(synonym)) words.add(word);
  return words;
}

// The catalogue follows the registry: a KPI registered later is askable from then on.
let catalogue: { key: string; metrics: AskMetric[]; phrases: ReturnType<typeof metricPhrases>; reserved: Set<string>; typoTargets: string[] } | null = null;
function currentCatalogue() {
  const key = registry.map((kpi) => kpi.id).join(',') + JSON.stringify(KPI_SYNONYMS);
  if (catalogue?.key !== key) {
    const metrics = askMetrics();
    const phrases = metricPhrases(metrics);
    // (a word of 5 letters or more: a shorter one is one letter from too many others)
    const typoTargets = [...new Set(phrases.flatMap((phrase) => phrase.words))].filter((word) => word.length >= 5);
    catalogue = { key, metrics, phrases, reserved: reservedWords(), typoTargets };
  }
  return catalogue;
}
const metricById = (id: AskMetric['id']) => currentCatalogue().metrics.find((metric) => metric.id === id)!;

// Weekdays too: the tables hold weeks and months, not days ("on Sunday" is refused, not read as a team); and a
// week label no week has ("w54", "2026w60"), never dropped for the report week.
const TIME_LIKE = /^(\d{4}|(\d{4}-?)?wk?\d{1,3}|q[1-4]|yesterday|today|tomorrow|tonight|quarter|quarters|year|years|ytd|days|day|fortnight|decade|(mon|tues|wednes|thurs|fri|satur|sun)days?|weekends?)$/;

// (not "in": "in recent weeks", "in early November", "in comparison" are no names)
const NAME_LEADS = new Set(['of', 'for', 'at', 'did', 'among', 'amongst']);
// Plain words that are never read as an unknown team: "did anyone", "of the tool", "for us".
const NOT_NAMES = new Set(['our', 'you', 'everyone', 'everybody', 'anyone', 'anybody', 'anything', 'someone', 'somebody', 'something', 'nobody', 'noone',
  'everything', 'nothing', 'whole', 'entire', 'company', 'org', 'organisation', 'organization', 'them', 'they', 'these', 'those', 'both', 'its', 'it',
  'their', 'any', 'all', 'each', 'every', 'most', 'least', 'best', 'worst', 'people', 'staff', 'tool', 'tools', 'copilot', 'assistant', 'us', 'we',
  'things', 'stuff', 'work', 'team', 'teams', 'total', 'general', 'aggregate', 'sum', 'practice', 'short', 'brief', 'detail', 'particular', 'numbers',
  'figures', 'terms', 'use', 'place', 'department', 'departments', 'business', 'firm', 'whom', 'yours', 'mine', 'this', 'that', 'last', 'next']);

// Words of the running total that only say which hours ("hours saved to date"); alone they name no metric.
const RUNNING_TOTAL_WORDS = new Set(['in total', 'so far', 'to date', 'all time', 'since the start']);

// Measures no question asks about together: two of them named are two questions ("adoption and hours saved").
const MEASURE_FAMILY: Partial<Record<string, string>> = {
  adoption_rate: 'adoption', hours_saved: 'hours', cumulative_hours_saved: 'hours', asi: 'asi', harm_rate: 'harm',
  harmful_tasks: 'harm', abandonment_rate: 'abandonment', abandoned_tasks: 'abandonment',
};

// Rates and totals a change word ("drop", "gone up") compares with the period before, by the grain of their table.
const CHANGE_GRAIN: Partial<Record<string, Versus['unit']>> = {
  asi: 'month', coverage: 'month', harm_rate: 'week', abandonment_rate: 'week', hours_saved: 'week', user_adoption_rate: 'week',
  user_weighted_adoption_rate: 'week', manual_share: 'week', tasks: 'week', ai_tasks: 'week', manual_tasks: 'week', ai_users: 'week',
};

// The measure named beside the one answered ("harm rate" in "hours saved and harm rate"), to refuse; none when one is named.
function secondMeasure(found: Array<{ metric: AskMetric; start: number; length: number }>, two: boolean, answered: AskMetric) {
  if (!two) return [];
  const family = (id: string) => MEASURE_FAMILY[id] ?? (id === 'ai_tasks' || id === 'manual_tasks' ? id : undefined);
  const own = family(answered.id) ?? family(found[0].metric.id);
  return found.filter((entry) => family(entry.metric.id) !== undefined && family(entry.metric.id) !== own).slice(0, 1);
}

// Alert severities, as the config and the alerts table spell them, the gravest first.
const SEVERITIES = [...SeveritySchema.options].reverse();

/** Whether a word names a month (time-expressions.ts's table: "october", "oct", "sept"). */
const isMonthWord = (word: string) => monthNumberOf(word) !== undefined;

// Month names that are words too, and the words that make them a month: "in May", "vs March"
const MONTH_VERBS = new Set(['may', 'mar', 'march']);
const MONTH_PARTS = new Set(['of', 'early', 'late', 'mid']);
const MONTH_LEADS = new Set([...LEAD_WORDS, 'or', 'vs', 'versus', 'against']);

// Words after the first written with a capital of any script, or in a script without case: "Zürich", "Équipe", "東京".
function capitalisedWords(question: string): string[] {
  return [...question.normalize('NFC').matchAll(/(?<=\S\s+)(?:\p{Lu}[\p{L}\p{M}]+|\p{Lo}[\p{L}\p{M}]*)/gu)].map((match) => match[0]);
}

// A mistyped metric word: one letter off a metric word of 5 letters or more, or two of its letters swapped
// ("adoptoin"), when the metric words that close are forms of one word ("adoptino": adoption, adopting), read as
// the one the most metric phrases hold. A word written as a name (a capital after the first word, or right after
// "of", "for", "at" or "did") is left for the names: "Sales" the data lacks is refused, not read as "saves".
function typoReadings(question: string, words: string[], used: Set<number>): Map<number, string> {
  const { reserved, typoTargets, phrases } = currentCatalogue();
  const capitalised = new Set(capitalisedWords(question).map((word) => word.toLowerCase()));
  const readings = new Map<number, string>();
  words.forEach((word, index) => {
    if (used.has(index) || reserved.has(word) || !/^\p{L}+$/u.test(word) || capitalised.has(word) || NAME_LEADS.has(words[index - 1] ?? '')) return;
    const close = typoTargets.filter((target) => editDistance(word, target, 1, { transpositions: true }) <= 1);
    // (forms of one word, "adoption" and "adopting", "alert" and "alerts", share their first letters; "seats" and
    // "spots" do not)
    if (close.length === 0 || !close.every((target) => target.slice(0, 4) === close[0].slice(0, 4))) return;
    const uses = (target: string) => phrases.filter((phrase) => phrase.words.includes(target)).length;
    readings.set(index, [...close].sort((a, b) => uses(b) - uses(a) || compareText(a, b))[0]);
  });
  return readings;
}

// A capitalised word after the first that no rule used reads as a name the data does not have: "adoption of Marketing".
function unknownNames(question: string, words: string[], used: Set<number>): string[] {
  const RESERVED = currentCatalogue().reserved;
  const usedWords = new Set([...used].map((index) => words[index]));
  const plainWord = (word: string) => RESERVED.has(word) || isMonthWord(word) || NOT_NAMES.has(word) || TIME_LIKE.test(word);
  const names: string[] = [];
  for (const written of capitalisedWords(question)) {
    const word = written.toLowerCase();
    // (a word of NOT_NAMES written in capitals is a name: "IT", "US")
    const shouted = written.length >= 2 && written === written.toUpperCase() && NOT_NAMES.has(word);
    if (usedWords.has(word) || word === 'i' || isMonthWord(word) || TIME_LIKE.test(word) || (plainWord(word) && !shouted)) continue;
    if (!names.includes(written)) names.push(written);
  }
  // The first word too, when it owns what follows and no rule read it: "Zurich's adoption" names a team ("Departmental
  // adoption", "Ranking of teams" are plain words, first in a question as any word may be)
  const owner = /^\s*([\p{L}\p{M}]+)['’]s\b/u.exec(question.normalize('NFC'))?.[1];
  if (owner !== undefined && words[0] === owner.toLowerCase() && !used.has(0) && !plainWord(words[0]) && !names.includes(owner)) names.unshift(owner);
  // Lower-case too, right after "of", "for", "at" or "did": "adoption of marketing", "hours did legl save"
  words.forEach((word, index) => {
    if (!NAME_LEADS.has(words[index - 1] ?? '') || used.has(index) || !/^\p{Ll}[\p{Ll}\p{M}]{2,}$/u.test(word)) return;
    if (plainWord(word) || names.some((name) => name.toLowerCase() === word)) return;
    names.push(word);
  });
  return names;
}

// Words that place a time by what follows them: left unread, "before the drop", "after the launch", "since the
// reorg", "during the outage" named an event no table holds, and the answer was the report week's.
// ("after their first month": a time of each person's own, which the retention and activation measures read)
const TIME_LEADS = new Set(['before', 'after', 'since', 'until', 'till', 'during', 'prior', 'pre', 'post']);
// Question words asking for a time: "when did adoption drop" asks which week, not the report week's change.
const WHEN_WORDS = new Set(['when', 'whenever']);

// Time words no rule used: "yesterday", "Q3", "week 60" (a week number no week has), "two weeks ago", "the past
// month", "late October", and a week within a month ("the first week of November", "the last week of October": read whole, each
// part would be a time of its own), a time lead (TIME_LEADS) none read, and "when".
function unreadTime(words: string[], used: Set<number>): string[] {
  const unreadLead = (index: number) => TIME_LEADS.has(words[index] ?? '') && !used.has(index) && !(words[index] === 'before' && words[index - 1] === 'long') &&
    words[index + 1] !== 'their';
  // (the words a lead's phrase took: not named again on their own)
  const inLeadPhrase = new Set<number>();
  return [...new Set(words.flatMap((word, index) => {
    const next = words[index + 1] ?? '';
    if (inLeadPhrase.has(index)) return [];
    // (a time lead no time rule read, with up to three words after it, as one phrase with a lead it is joined to:
    // "before the drop", "before and after the launch"; "how long before people start" is the days to a first AI task;
    // the phrase ends before a word that leads a name: "after W47 for Legal" is "after w47")
    if (unreadLead(index)) {
      if (['and', 'or'].includes(words[index - 1] ?? '') && unreadLead(index - 2)) return [];
      let end = index + 1;
      for (let after = 0; end < words.length && after < 3 && !NAME_LEADS.has(words[end]); end += 1) {
        if (['and', 'or'].includes(words[end]) && unreadLead(end + 1)) end += 1;
        else after += 1;
      }
      for (let at = index; at < end; at += 1) inLeadPhrase.add(at);
      return [words.slice(index, end).join(' ')];
    }
    if (WHEN_WORDS.has(word) && !used.has(index)) return [word];
    if (['week', 'weeks', 'wk'].includes(word) && next === 'of' && (isMonthWord(words[index + 2] ?? '') || ['the', 'this', 'last', 'next'].includes(words[index + 2] ?? ''))) {
      return [`${words[index - 1] ?? ''} ${word} of ${words[index + 2]}`.trim()];
    }
    if (used.has(index)) return [];
    // ("two weeks earlier", "a week later": a shift no rule reads, never the report week)
    if (word === 'ago' || ((word === 'back' || word === 'earlier' || word === 'later') && /^(weeks?|months?)$/.test(words[index - 1] ?? ''))) return [words.slice(Math.max(0, index - 2), index + 1).join(' ')];
    // ("before W40" ahead of the data, "after W47" past the report week: the bound and its time, named together)
    const bound = boundBefore(words, index);
    if (bound && (TIME_LIKE.test(word) || isMonthWord(word))) return [`${bound} ${word}`];
    if (TIME_LIKE.test(word)) return [word];
    // a month beside the time read ("in W44 and October", "October vs November"): the question names two times
    // (the words "may", "mar" and "march" only after a word that leads a time; "week of October", "late October" are told below)
    const before = words[index - 1] ?? '';
    if (isMonthWord(word) && !MONTH_PARTS.has(before) && (!MONTH_VERBS.has(word) || MONTH_LEADS.has(before))) return [word];
    // ("the first week": not the report week that "week" alone would read as; "their first month" is no time)
    if (['first', 'second', 'third', 'fourth', 'fifth', 'penultimate'].includes(word) && next === 'week' && words[index - 1] === 'the' && words[index + 2] !== 'of') return [`${word} ${next}`];
    if (word === 'past' && ['month', 'months'].includes(next)) return [`${word} ${next}`];
    // ("in recent weeks", "lately": how many weeks is not said; one week would be a guess)
    if (['recent', 'recently', 'lately'].includes(word)) return [/^(weeks?|months?)$/.test(next) ? `${word} ${next}` : word];
    // (part of a month: "late October", "mid-October"; the tables hold whole weeks and months)
    if (['early', 'late', 'mid'].includes(word) && isMonthWord(next)) return [`${word} ${next}`];
    // ("since the start of November" is since November)
    const since = ['since', 'from'].includes(words[index - 1] ?? '') || ['since', 'from'].includes(words[index - 2] ?? '');
    if (['start', 'beginning', 'end', 'middle', 'mid'].includes(word) && next === 'of' && !(since && (word === 'start' || word === 'beginning'))) return [`${word} of ${words[index + 2] ?? ''}`.trim()];
    return ['w', 'wk', 'week', 'weeks'].includes(word) && /^\d{1,3}$/.test(next) && !used.has(index + 1) ? [`${word} ${next}`] : [];
  }))];
}

// Words that leave a name out ("except Finance", "excluding Legal", "everyone but HR", "non-Finance"): not read yet,
// so refused rather than answered for the very name left out.
const EXCLUDING = new Set(['except', 'excepting', 'excluding', 'exclude', 'excl', 'besides', 'non', 'minus', 'without', 'ignoring', 'aside', 'bar']);

// The words that leave out a name the question names (a team or task type matched, or one the data lacks): "adoption
// besides hours saved" names none and is read as before.
function leftOutNames(words: string[], named: Set<number>): string[] {
  const near = (index: number) => [index - 2, index - 1, index + 1, index + 2, index + 3].some((at) => named.has(at));
  return words.flatMap((word, index) => {
    const next = words[index + 1] ?? '';
    const phrase =
      EXCLUDING.has(word) || (word === 'but' && ['everyone', 'everybody', 'all', 'every'].includes(words[index - 1] ?? ''))
        ? word
        : (word === 'other' && next === 'than') || (word === 'apart' && next === 'from') || (word === 'leaving' && next === 'out') || (word === 'not' && next === 'counting')
            || (word === 'but' && next === 'not')
          ? `${word} ${next}`
          : null;
    // ("Finance, not HR": "not" right before a name; "is HR not adopting" keeps it)
    if (phrase === null && word === 'not' && words[index - 1] !== 'but' && named.has(index + 1)) return [word];
    return phrase !== null && near(index) ? [phrase] : [];
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Question words as the question writes them ("ZURICH", not "zurich"), for a message.
function writtenAs(question: string, tokens: string[]): string {
  return spellings(question, tokens)[0] ?? tokens.join(' ');
}

// Every place the question writes the words, as written.
function spellings(question: string, tokens: string[]): string[] {
  const words = tokens.map(escapeRegExp).join('[^\\p{L}\\p{M}\\p{N}]+');
  return [...question.normalize('NFC').matchAll(new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${words}(?![\\p{L}\\p{M}\\p{N}])`, 'giu'))].map(([found]) => found);
}

// Words before a plain word that make it a common noun ("gaps in the data"), never a name left unread.
const ARTICLES = new Set(['the', 'a', 'an', 'our', 'my', 'your', 'their', 'this', 'that', 'some', 'any', 'no']);

// Words after which a word that spells a team or task type stands as that name.
const NAME_PLACES = new Set([...NAME_LEADS, 'and', 'or', 'vs', 'versus']);

// A name made of plain words only (a team "IT", "Data" or "US") is that name only where the question writes it as
// the data spells it ("IT", "Data"), or before "team": "is it rising?" and "were there any data gaps" name no team.
function writtenAsName(question: string, words: string[], match: EntityMatch, reserved: Set<string>): boolean {
  const asked = match.used.map((index) => words[index]);
  if (!asked.every((word) => reserved.has(word) || NOT_NAMES.has(word))) return true;
  if (['team', 'teams'].includes(words[match.used[match.used.length - 1] + 1] ?? '')) return true;
  // ("adoption for hr", "finance and hr": a plain word where a name stands is the name; pronouns are not: "for it")
  if (NAME_PLACES.has(words[match.used[0] - 1] ?? '') && !asked.some((word) => NOT_NAMES.has(word))) return true;
  const bare = (text: string) => text.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim();
  return spellings(question, asked).some((spelled) => bare(spelled) === bare(match.name));
}

// Words that ask for something the tables do not hold, or that narrow the question in a way no rule reads: left
// unread, the answer would be another question's ("lowest hours saved per task" answered with the lowest total).
const MEANING_WORDS = new Set([
  'average', 'averages', 'mean', 'median', 'typical', 'will', 'forecast', 'forecasts', 'predict', 'predicted', 'prediction',
  'projected', 'projection', 'next', 'money', 'dollars', 'euros', 'pounds', 'cost', 'costs', 'spend', 'spent', 'revenue', 'roi',
  'duration', 'durations', 'accuracy', 'accurate', 'version', 'versions',
  // (tasks ending in error are in no table: "how many AI tasks failed" is not the count of completed ones)
  'fail', 'fails', 'failed', 'failing', 'failure', 'failures', 'error', 'errors', 'errored',
]);

// Events the tables know nothing of ("at the peak", "in the pilot", "during the outage"), and, in a summary (which has
// no change to find), the change words: "how did Legal do in the dip" is not the report week's summary.
const EVENT_WORDS = new Set(['peak', 'peaks', 'peaked', 'spike', 'spikes', 'spiked', 'slump', 'surge', 'crash', 'outage', 'outages', 'launch', 'launched',
  'rollout', 'reorg', 'reorganisation', 'reorganization', 'holiday', 'holidays', 'pilot', 'incident', 'migration', 'trough']);

const RATE_AVERAGES = new Set(['average', 'averages', 'mean', 'typical']);
// Weekly counts and hours that add up over weeks: their average per week is their total over the number of weeks.
const WEEKLY_SUMS = new Set(['tasks', 'ai_tasks', 'manual_tasks', 'hours_saved', 'harmful_tasks', 'abandoned_tasks', 'new_ai_users']);
const MEDIAN_WORDS = new Set(['median', 'typical']);

// The MEANING_WORDS a measure already means: a rate is an average ("the average adoption rate" is the adoption rate,
// ASI's accuracy excepted), a median a median ("the median days to first AI task", "the median manual baseline").
function meantWords(metric: AskMetric): Set<string> {
  if (metric.unit === 'rate' && metric.id !== 'asi') return RATE_AVERAGES;
  return metric.id === 'median_days_to_first_ai_task' || metric.id === 'baseline_min' ? MEDIAN_WORDS : new Set();
}
const PER_GRAINS = new Set(['week', 'weeks', 'month', 'months', 'team', 'teams', 'department', 'group']);

// The words of a question no rule read that would change its meaning (MEANING_WORDS), a second condition after the
// one read ("adoption above 40% and harm rate above 0"), and numbers or ids ("u006", "2.4.0") no rule placed; words
// side by side are one phrase, as the question writes them ("version 2.4.0").
function unplacedWords(question: string, words: string[], used: Set<number>, compared: boolean, meant: Set<string>): string[] {
  const unplaced = new Set<number>();
  words.forEach((word, index) => {
    if (used.has(index) || unplaced.has(index)) return;
    const condition = compared ? COMPARISON_WORDS.find(([phrase]) => phrase.every((part, offset) => words[index + offset] === part && !used.has(index + offset)) && /^\d/.test(words[index + phrase.length] ?? '')) : undefined;
    // ("per week", "per team", "per task type" are the tables' own grain)
    const grain = word === 'per' && (PER_GRAINS.has(words[index + 1] ?? '') || (words[index + 1] === 'task' && /^types?$/.test(words[index + 2] ?? '')));
    if (condition) for (let offset = 0; offset <= condition[0].length; offset += 1) unplaced.add(index + offset);
    else if (word === 'per' && !grain) [index, index + 1].filter((at) => at < words.length && !used.has(at)).forEach((at) => unplaced.add(at));
    // (a word the measure means already is read: see meantWords)
    else if ((MEANING_WORDS.has(word) && !meant.has(word)) || (/\d/.test(word) && !TIME_LIKE.test(word))) unplaced.add(index);
  });
  const phrases: number[][] = [];
  for (const index of [...unplaced].sort((a, b) => a - b)) {
    const last = phrases.at(-1);
    if (last && last.at(-1) === index - 1) last.push(index);
    else phrases.push([index]);
  }
  return phrases.map((phrase) => writtenAs(question, phrase.map((index) => words[index])));
}

// Comparison symbols become words before the question is split.
function spellSymbols(question: string): string {
  return question.replace(/>=|≥/g, ' at least ').replace(/<=|≤/g, ' at most ').replace(/>/g, ' more than ').replace(/</g, ' less than ');
}

// Inflections of a synonym's word: "use" reads "uses", "used", "using"; "log" reads "logged"; "rely" reads "relies".
function sameWord(asked: string, word: string): boolean {
  if (asked === word) return true;
  if (word.length < 3 || asked.length <= word.length) return false;
  const stem = word.endsWith('e') || word.endsWith('y') ? word.slice(0, -1) : word;
  const forms = [`${word}s`, `${word}es`, `${word}d`, `${word}ed`, `${word}ing`, `${stem}ing`, `${stem}ies`, `${stem}ied`, `${word}${word.at(-1)}ed`, `${word}${word.at(-1)}ing`];
  return forms.includes(asked);
}

// "Better than last week" is up when higher is better.
function versusDirection(direction: Versus['direction'] | 'better' | 'worse', metric: AskMetric): Versus['direction'] {
  if (direction === 'better' || direction === 'worse') return (direction === 'better') === metric.higherIsBetter ? 'up' : 'down';
  return direction;
}

// "versus last week", "higher than the previous month", "compared to last week": the words used and what they ask.
function findVersus(words: string[]): { unit: Versus['unit']; direction: Versus['direction'] | 'better' | 'worse'; used: number[] } | null {
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index];
    let at = -1;
    if (VERSUS_LEADS.has(word)) at = index + 1;
    else if (['compared', 'compare', 'comparing', 'relative'].includes(word) && ['to', 'with'].includes(words[index + 1] ?? '')) at = index + 2;
    if (at < 0) continue;
    if (words[at] === 'the') at += 1;
    // ("vs the week before": as "vs the previous week")
    const before = ['week', 'month'].includes(words[at] ?? '') && words[at + 1] === 'before';
    if (before) at -= 1;
    // ("this week vs last", "this month vs last": the question ends at "last", the period before)
    else if (words[at] === 'last' && at === words.length - 1 && (words.includes('week') || words.includes('month'))) {
      const used = Array.from({ length: at + 1 - index }, (_, offset) => index + offset);
      return { unit: words.includes('week') ? 'week' : 'month', direction: null, used };
    } else if (!['last', 'previous', 'prior', 'preceding'].includes(words[at] ?? '') || !['week', 'month'].includes(words[at + 1] ?? '')) continue;
    // "higher than", "more hours than", "more AI tasks than": the way word stands up to three words before "than"
    const wayAt = word !== 'than' ? -1 : [index - 1, index - 2, index - 3].find((position) => position >= 0 && (UP_WORDS.has(words[position]) || DOWN_WORDS.has(words[position]))) ?? -1;
    const way = wayAt >= 0 ? words[wayAt] : '';
    const direction = way === '' ? null : way === 'better' ? 'better' : way === 'worse' ? 'worse' : UP_WORDS.has(way) ? 'up' : 'down';
    const used = [...(wayAt >= 0 ? [wayAt] : []), ...Array.from({ length: at + (before ? 3 : 2) - index }, (_, offset) => index + offset)];
    return { unit: words[at + 1] as Versus['unit'], direction, used };
  }
  return null;
}

// The question's words that spell a name holding a number whole ("w 2 processing" for "W-2 Processing").
function numberedNameWords(words: string[], names: string[]): Set<number> {
  const found = new Set<number>();
  for (const name of names) {
    const tokens = textTokens(foldName(name));
    if (!tokens.some((token) => /\d/.test(token))) continue;
    for (let start = 0; start + tokens.length <= words.length; start += 1) {
      if (tokens.every((token, offset) => foldName(words[start + offset]) === token)) tokens.forEach((_, offset) => found.add(start + offset));
    }
  }
  return found;
}

// The words of a breakdown after "by", "per", "each" or "for every": teams ("by team", "per department"), task types
// ("per task type", "by category") or users ("by user", "per person"; not "by people", "by everyone": who did it).
const GROUP_WORDS: Record<string, Dimension> = {
  team: 'team', teams: 'team', department: 'team', departments: 'team', dept: 'team', depts: 'team', group: 'team', groups: 'team',
  type: 'task_type', types: 'task_type', category: 'task_type', categories: 'task_type', workflow: 'task_type', workflows: 'task_type',
  user: 'user', person: 'user', employee: 'user',
};

// The breakdowns answers other than a measure's table give ("alerts by team": each team's alerts counted); a
// measure's table says itself which it lacks ("The tables have no idle seats by task type").
const LISTED_BY: Partial<Record<string, Dimension[]>> = { summary: [], alerts: ['team'], gaps: ['team'] };

// Every breakdown the question asks for ("how many users per task type", "adoption by user", "summary by team"), with
// the positions of its words: one the answer does not give is refused, never dropped for the all-teams figure.
// (a word another rule read is no breakdown: "by user adoption" ranks by the user adoption rate)
function breakdowns(words: string[], used: Set<number>): Array<{ dimension: Dimension; at: number[] }> {
  return words.flatMap((word, index) => {
    if (!['by', 'per', 'each'].includes(word) && !(word === 'every' && words[index - 1] === 'for')) return [];
    const start = index + 1 + (['the', 'a'].includes(words[index + 1] ?? '') ? 1 : 0);
    const next = used.has(start) ? '' : words[start] ?? '';
    if ((next === 'task' || next === 'tasks') && /^types?$/.test(words[start + 1] ?? '')) {
      return [{ dimension: 'task_type' as const, at: [...(word === 'every' ? [index - 1] : []), index, start, start + 1] }];
    }
    const dimension = GROUP_WORDS[next];
    return dimension ? [{ dimension, at: [...(word === 'every' ? [index - 1] : []), index, start] }] : [];
  });
}

/**
 * Parses a question against the data's names, deterministically; null when no metric can be found
 * (then the caller suggests questions instead of guessing).
 * @example parseQuestion('which teams dipped more than 10 points last week', { teams: ['Finance'], taskTypes: [], reportWeek: '2026-W47' })?.metric.id // 'delta_pts'
 */
// The nouns of a group of teams or task types, and the words before one that pick no group out ("each team", "all the
// teams", "which task type", "how many departments"); any other word there names a team or task type the question does
// not spell ("the new team", "my team", "the pilot departments"): refused, never answered for every team.
const GROUP_NOUNS = new Set(['team', 'teams', 'department', 'departments', 'dept', 'depts', 'group', 'groups', 'category', 'categories', 'workflow', 'workflows']);
const UNNARROWING = new Set(['the', 'a', 'an', 'each', 'every', 'all', 'both', 'any', 'which', 'what', 'whose', 'how', 'many', 'most', 'some', 'few',
  'several', 'whole', 'entire', 'individual', 'different', 'various', 'single', 'one', 'respective', 'of', 'per', 'by']);
// (where the words before a group's noun start: a preposition, a verb or a question word)
const GROUP_LEADS = new Set(['in', 'for', 'of', 'at', 'across', 'within', 'among', 'amongst', 'between', 'by', 'per', 'on', 'from', 'to', 'with', 'than',
  'inside', 'and', 'or', 'vs', 'versus', 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'has', 'have', 'had', 'show', 'me', 'list', 'give', 'compare',
  'rank', 'how', 'what', 'which', 'who', 'where', 'whats', 'hows']);

/**
 * The phrases naming a group by words that are no team or task type of the data ("in the new team"), as word positions.
 * @example narrowedGroups(['adoption', 'in', 'the', 'new', 'team'], new Set([0])) // [[1, 2, 3, 4]]
 */
function narrowedGroups(words: string[], used: Set<number>): number[][] {
  const phrases: number[][] = [];
  words.forEach((word, index) => {
    const typed = (word === 'type' || word === 'types') && ['task', 'tasks'].includes(words[index - 1] ?? '');
    if (used.has(index) || (!GROUP_NOUNS.has(word) && !typed)) return;
    const plural = word.endsWith('s');
    let start = typed ? index - 1 : index;
    while (start > 0 && !used.has(start - 1) && !GROUP_LEADS.has(words[start - 1])) start -= 1;
    const before = words.slice(start, typed ? index - 1 : index);
    const narrowing = before.filter((entry) => !UNNARROWING.has(entry) && !/\d/.test(entry) && !(plural && entry === 'our'));
    if (narrowing.length === 0) return;
    const lead = start > 0 && !used.has(start - 1) ? [start - 1] : [];
    phrases.push([...lead, ...Array.from({ length: index - start + 1 }, (_, offset) => start + offset)]);
  });
  return phrases;
}

// "vs last 4 weeks", "compared with the previous 3 months", "against the 4 weeks before": the report period against
// several before it, which no rule reads (the time rules would read the span alone and answer it taken together)
const SEVERAL_BEFORE = /\b(vs|versus|against|compared (?:to|with)|relative to) (?:the )?(?:(?:last|past|previous|prior|preceding) \d+ (?:weeks|months)|\d+ (?:weeks|months) (?:before|prior|earlier))\b/;

export function parseQuestion(text: string, vocabulary: AskVocabulary): Interpretation | null {
  // "are there teams that …", "is there a team with …": "any team …", a yes/no over the teams
  const question = text.replace(THERE_ARE_GROUPS, 'any ');
  const absence = readAbsence(question);
  if (absence) return absentGroups(absence, vocabulary);
  const asked = parseAsked(question, vocabulary);
  if (!asked) return null;
  // "how many weeks did Legal dip", "in how many weeks were there harmful tasks": a count of periods, which no table
  // holds; answered without it, it would be the report week's figure
  const periodsCounted = PERIODS_COUNTED.exec(question);
  if (periodsCounted) return { ...asked, unplaced: [...new Set([...asked.unplaced, periodsCounted[0].trim()])] };
  // ("which teams were not alerted": a list of alerts, gaps, power users or blind spots reads no negation, so one left in
  // the question would be answered as its opposite: refused, named)
  const unreadNegation = LISTED_METRICS.has(asked.metric.id) ? LIST_NEGATION.exec(question) : null;
  if (unreadNegation) return { ...asked, unplaced: [...new Set([...asked.unplaced, unreadNegation[0].trim()])] };
  // "which users did not use AI", "who never used it": people without an AI task are counted, never named
  if (asked.metric.id === 'non_users' && PEOPLE_LISTED.test(question)) return { ...asked, peopleListed: true };
  // "how many teams had harmful tasks": the teams with at least one, not how many have a harm rate at all
  // "did every team use AI", "have all teams had harmful tasks": Yes when no team is without one, those without named
  if (asked.yesNo && EVERY_GROUP.test(question)) {
    const everyGroup = countedGroups(asked);
    if (everyGroup) return { ...everyGroup, countOnly: false, having: 'none', existence: 'every' };
  }
  // ("which teams have power users": the teams with at least one, as a count of them)
  const counted = asked.countOnly || (asked.metric.id === 'power_users' && asked.dimension === 'team') ? countedGroups(asked) : null;
  return counted ? { ...counted, having: 'some' } : asked;
}

/**
 * A count of periods ("how many weeks", "in how many months"), which no table holds: the question's lead, kept among
 * the words not read (see ask-engine's refusal, which names it and the question to ask instead).
 */
export const PERIODS_COUNTED = /^\s*(in\s+)?(how\s+many|number\s+of)\s+(weeks|months)\b/i;
const EVERY_GROUP = /\b(every|each|all)\s+(the\s+)?(teams?|departments?|task\s+types?)\b/i;
const LISTED_METRICS = new Set(['alerts', 'gaps', 'power_users', 'blind_spots']);
const LIST_NEGATION = /\b(not|never|nothing|none|no|without)\s+\S+|\b\S+n['’]t\s+\S+/i;
const THERE_ARE_GROUPS = /^\s*(are|is|were|was)\s+there\s+(any|a|an|some)?\s*(?=(teams?|departments?|task\s+types?)\b)/i;
const PEOPLE_LISTED = /^\s*(who\b|(which|what|list|show|name)\s+(the\s+)?(users|people|persons|employees|staff|colleagues)\b)/i;

// A list of teams or task types by a count that can be zero (AI, manual, harmful, abandoned tasks), with no other
// condition: the question read over that count, or null.
function countedGroups(asked: Interpretation): Interpretation | null {
  const counted = COUNT_OF[asked.metric.id];
  const listed = asked.dimension === 'team' || asked.dimension === 'task_type';
  // ("any team with harmful tasks" reads as above 0, which a count of none or some already says)
  const aboveZero = asked.existence === 'any' && asked.comparison?.op === '>' && asked.comparison.value === 0 && asked.comparison.unit === 'number';
  if (!counted || !listed || (asked.comparison && !aboveZero) || asked.ranking || asked.movement || asked.versus || asked.rankedPeriod || asked.weeklyAverage || asked.eachPeriod) return null;
  return { ...asked, metric: metricById(counted), comparison: null, existence: null, yesNo: false, measureAssumed: undefined };
}

// "which teams did not use AI", "which task types had no harmful tasks", "teams with zero abandoned tasks": a list of
// the groups with none of a count. The negation is taken out and the rest read as any question; what it asks for is
// then the groups whose count is 0. Only lists of teams or task types: "who did not use AI" and "licensed people not
// using it" are the count of non-users, which names no one.
const GROUP_LIST = /\b(teams?|departments?|depts?|groups?|task\s+types?|categor(y|ies)|workflows?)\b/i;
const NEGATED_USE = /\b((did|do|does|have|has|had|are|is|were|was)(\s+not|n['’]?t)|not|never|nobody|no\s+one|noone)(?=\s+(yet\s+)?(use|used|uses|using|adopt|adopted|adopting|try|tried|trying|touch|touched)\s+(ai|it|the\s+(tool|assistant|copilot|ai))\b)/i;
const NEGATED_ANY = /\b((did|do|does|have|has|had|are|is|were|was)(\s+not|n['’]?t))(\s+[a-z]+\s+)?any\b/i;
// ("which teams did not have alerts", "teams that never saved time": a verb of holding negated, with no "any")
const NEGATED_HOLD = /\b((did|do|does|have|has|had)(\s+not|n['’]?t)|never)\s+(have|had|has|get|got|gotten|receive|received|save|saved|saves)\b/i;
const NONE_OF = /\b(no|zero|not\s+any|without\s+any|without)(?=\s+(?!(more|less|fewer|longer|one|other)\b)[a-z])/i;
// What "none" is counted in: "did not use AI" is no AI task; "no harm" no harmful AI task, never a rate of 0 (a team
// with no AI task has no harm rate at all, yet no harmful task)
const COUNT_OF: Partial<Record<AskMetric['id'], AskMetric['id']>> = {
  adoption_rate: 'ai_tasks', ai_tasks: 'ai_tasks', ai_users: 'ai_tasks', harm_rate: 'harmful_tasks', harmful_tasks: 'harmful_tasks',
  abandonment_rate: 'abandoned_tasks', abandoned_tasks: 'abandoned_tasks', manual_tasks: 'manual_tasks', tasks: 'tasks',
  // ("teams that saved no time": 0 hours or less; "which teams had no alerts": none about the team that week)
  hours_saved: 'hours_saved', alerts: 'alerts', gaps: 'gaps', power_users: 'power_users',
  // (people counted per team: "which teams have no idle seats", "no new users", "no lapsed users")
  idle_seats: 'idle_seats', new_ai_users: 'new_ai_users', lapsed_users: 'lapsed_users',
};

function readAbsence(question: string): { phrase: string; rest: string; counts?: true } | null {
  if (!GROUP_LIST.test(question)) return null;
  const use = NEGATED_USE.exec(question);
  if (use) {
    // ("did not use" reads as "did use", "never used" as "used")
    const kept = /^(did|do|does|have|has|had|are|is|were|was)/i.exec(use[0])?.[0] ?? '';
    return { phrase: withNextWord(question, use), rest: `${question.slice(0, use.index)}${kept}${question.slice(use.index + use[0].length)}` };
  }
  // ("which teams didn't have any harmful tasks", "did not abandon any tasks": the negation and "any" go)
  const notAny = NEGATED_ANY.exec(question);
  if (notAny) {
    // ("didn't get any alerts" reads "get alerts": the auxiliary goes with its negation when a verb follows, so that the
    // verb is not read as a name after "did")
    return { phrase: notAny[0].trim(), rest: `${question.slice(0, notAny.index)}${notAny[4] ? notAny[4] : `${notAny[2]} `}${question.slice(notAny.index + notAny[0].length)}` };
  }
  // ("did not have alerts", "never saved time": the negation goes, the verb stays)
  const hold = NEGATED_HOLD.exec(question);
  if (hold) return { phrase: hold[0].trim(), rest: `${question.slice(0, hold.index)}${hold[4]}${question.slice(hold.index + hold[0].length)}`, counts: true };
  const none = NONE_OF.exec(question);
  if (!none) return null;
  return { phrase: withNextWord(question, none), rest: `${question.slice(0, none.index)}${question.slice(none.index + none[0].length)}` };
}

// The negation as written and the word it negates ("did not use", "no harmful"), as a refusal names it.
function withNextWord(question: string, negation: RegExpExecArray): string {
  const next = /^\s+(\S+)/.exec(question.slice(negation.index + negation[0].length))?.[1] ?? '';
  return `${negation[0]} ${next.replace(/[?.!,]+$/, '')}`.trim();
}

// The question without its negation, as a list of the groups with none of a count; a negation of anything else (a rate,
// a change, a rank) is refused, named, as other negations are.
function absentGroups(absence: { phrase: string; rest: string; counts?: true }, vocabulary: AskVocabulary): Interpretation | null {
  const asked = parseAsked(absence.rest, vocabulary);
  if (!asked) return null;
  // ("which teams had no alerts and no harmful tasks": a second negation is a second condition, refused, never dropped)
  const second = readAbsence(absence.rest);
  if (second) return { ...asked, unplaced: [...new Set([...asked.unplaced, absence.phrase, second.phrase])] };
  // ("did not have a high harm rate": a held count is none of it; a rate held is not a count, so it is refused)
  const counted = absence.counts && /\b(rates?|share|percent(age)?|%)(?=\s|$)/i.test(absence.rest) ? null : countedGroups(asked);
  if (counted) return { ...counted, countOnly: false, having: 'none', existence: asked.existence === 'any' || asked.yesNo ? 'any' : null };
  return { ...asked, unplaced: [...new Set([...asked.unplaced, absence.phrase])] };
}

function parseAsked(question: string, vocabulary: AskVocabulary): Interpretation | null {
  const { phrases: PHRASES, reserved: RESERVED } = currentCatalogue();
  const words = spellNumbers(textTokens(spellSymbols(question)));
  const used = new Set<number>();
  const free = () => words.map((word, index) => (used.has(index) ? '\u0000' : word));

  // 0. "versus last week", "better than last month": the period and the one before it
  const versusFound = findVersus(words);
  for (const index of versusFound?.used ?? []) used.add(index);

  // 1. Time: "last week", "in October", "since W40", "over the last 4 weeks"; a name with a number in it written
  //    whole ("W-2 Processing", "W 9 Team") is no week
  const numberedNames = numberedNameWords(words, [...vocabulary.teams, ...vocabulary.taskTypes]);
  const time = parseTimeExpression(
    words.map((word, index) => (used.has(index) || numberedNames.has(index) ? '\u0000' : word)),
    vocabulary.reportWeek,
    vocabulary.firstWeek,
  );
  for (const index of time.used) used.add(index);

  // 2. Teams and task types (before metric words, so a typo of a metric word never eats a name)
  const entityList: Entity[] = [
    ...vocabulary.teams.map((name) => ({ kind: 'team' as const, name })),
    ...vocabulary.taskTypes.map((name) => ({ kind: 'task_type' as const, name })),
  ];
  const entities: EntityMatch[] = [];
  const ambiguousNames: AmbiguousName[] = [];
  // (a plain word spelling a name where no name stands, "hr adoption": unread unless another rule reads it)
  const notNames: EntityMatch[] = [];
  for (const match of matchEntities(free(), entityList, RESERVED)) {
    if (!writtenAsName(question, words, match, RESERVED)) {
      notNames.push(match);
      continue;
    }
    for (const index of match.used) used.add(index);
    if (match.alike.length === 0) {
      entities.push(match);
      continue;
    }
    // (names alike without accents: the one the question spells exactly as the data does, else none)
    const asked = writtenAs(question, match.used.map((index) => words[index]));
    const names = [match, ...match.alike].map(({ kind, name }) => ({ kind, name }));
    const verbatim = names.filter((entity) => entity.name.normalize('NFC') === asked);
    if (verbatim.length === 1) entities.push({ ...match, ...verbatim[0], alike: [] });
    else ambiguousNames.push({ asked, names: names.sort((a, b) => compareText(a.name, b.name)) });
  }

  // 3. Metric phrases, longest first; a word reads its inflections, and a mistyped word the one metric word it is
  //    close to (the answer says what it read)
  const found: Array<{ metric: AskMetric; start: number; length: number; words: string[] }> = [];
  const typos = typoReadings(question, words, used);
  const misread = new Map<number, string>();
  for (const phrase of PHRASES) {
    const current = free();
    for (let start = 0; start + phrase.words.length <= current.length; start += 1) {
      const fits = phrase.words.every((word, offset) => {
        const asked = current[start + offset];
        return asked !== '\u0000' && (sameWord(asked, word) || typos.get(start + offset) === word);
      });
      if (!fits) continue;
      found.push({ metric: phrase.metric, start, length: phrase.words.length, words: phrase.words });
      phrase.words.forEach((word, offset) => {
        used.add(start + offset);
        if (!sameWord(current[start + offset], word)) misread.set(start + offset, word);
      });
    }
  }

  // 4. Comparison: "more than 10 points", "below 80 %", "at least 5 hours"
  let comparison: Comparison | null = null;
  let peopleCount = false;
  // "adoption for teams with more than 10 users": a condition on the group's size, not the measure asked for
  let groupSized = false;
  // "used it more than 25 times": a person's AI tasks in the week
  let timesEach = false;
  const remaining = free();
  for (let index = 0; index < remaining.length && !comparison; index += 1) {
    for (const [phrase, op] of COMPARISON_WORDS) {
      if (!phrase.every((word, offset) => remaining[index + offset] === word)) continue;
      const numberAt = index + phrase.length;
      const number = remaining[numberAt];
      if (number === undefined || !/^\d+(\.\d+)?$/.test(number)) continue;
      const unitWord = remaining[numberAt + 1];
      // (a metric phrase may already hold the word: "9 users using AI")
      peopleCount = PEOPLE_UNITS.has(words[numberAt + 1] ?? '');
      groupSized = peopleCount && ['with', 'having'].includes(remaining[index - 1] ?? '');
      timesEach = words[numberAt + 1] === 'times';
      const unit = peopleCount || timesEach ? 'count' : unitWord !== undefined && UNIT_WORDS[unitWord] ? UNIT_WORDS[unitWord] : 'number';
      const withUnit = unit === 'number' || unitWord === '\u0000' ? [] : [numberAt + 1];
      comparison = { op, value: Number(number), unit, text: [...phrase, number, ...(unit === 'number' ? [] : [words[numberAt + 1]])].join(' ') };
      for (const position of [...Array.from({ length: phrase.length }, (_, offset) => index + offset), numberAt, ...withUnit]) used.add(position);
      break;
    }
  }

  // 4b. Relative to everyone: "under-perform", "below average", "above the company average"
  if (!comparison) {
    const text = free().join(' ');
    const average = '(the )?(company |org |overall |team |teams |group )?(average|overall|norm|mean|rest)';
    const below = new RegExp(`\\b(under ?perform\\w*|under ?achiev\\w*|struggl\\w*|(below|under|worse than|lower than|behind) ${average})\\b`).exec(text);
    const above = new RegExp(`\\b(out ?perform\\w*|over ?perform\\w*|(above|over|better than|higher than|ahead of|beat|beats|beating) ${average})\\b`).exec(text);
    const match = below ?? above;
    if (match) {
      comparison = { op: below ? '<' : '>', value: 0, unit: 'overall', text: below ? 'below the all-teams value' : 'above the all-teams value' };
      const start = text.slice(0, match.index).split(' ').filter((word) => word.length > 0).length;
      const length = match[0].split(' ').length;
      for (let offset = 0; offset < length; offset += 1) used.add(start + offset);
    }
  }

  // 5. Ranking, movement, dimension, shares, existence
  const share = words.some((word, index) => SHARE_WORDS.has(word) && (words[index + 1] === 'of' || index === 0 || words[index - 1] === 'what'));
  let existence: Interpretation['existence'] = EXISTENCE_LEADS.has(words[0] ?? '') && words.some((word) => word === 'everyone' || word === 'everybody')
    ? 'every'
    : EXISTENCE_LEADS.has(words[0] ?? '') && words.some((word) => ['any', 'anyone', 'anybody', 'anything', 'someone', 'somebody'].includes(word)) ? 'any' : null;
  let ranking = null as Ranking | null;
  let rankPlural = false;
  let movement = null as Movement | null;
  let quality = null as 'better' | 'worse' | null;
  let dimension: Dimension | null = null;
  let dimensionWord = '';
  let dimensionAt = -1;
  let plural = false;
  let countOnly = false;
  let series = false;
  // "per week", "weekly", "week by week" with no change word: each period's values, not the change across them
  let periodByPeriod = false;
  let changeWord = false;
  const rest = free();
  rest.forEach((word, index) => {
    if (word === '\u0000') return;
    const rank = RANK_WORDS[word];
    if (rank && !ranking && !(word === 'most' && rest[index + 1] === 'of')) {
      // "top 3", "the 2 least adopted"
      const next = rest[index + 1];
      const before = rest[index - 1];
      const at = next !== undefined && /^\d{1,2}$/.test(next) ? index + 1 : before !== undefined && /^\d{1,2}$/.test(before) ? index - 1 : null;
      const limit = at === null ? null : Number(rest[at]);
      if (at !== null) used.add(at);
      ranking = { order: rank.order === 'best' || rank.order === 'worst' ? (rank.order as 'desc') : rank.order, limit: limit ?? 0, text: limit === null ? word : `${word} ${limit}` };
      rankPlural = Boolean(rank.plural) || (limit ?? 1) > 1;
      used.add(index);
      return;
    }
    const moved = MOVEMENT_WORDS[word];
    if (moved && !WEAK_MOVEMENT.has(word)) movement = movement === null || movement === 'any' ? moved : movement;
    if (QUALITY_WORDS[word]) quality = QUALITY_WORDS[word];
    if ((moved && !WEAK_MOVEMENT.has(word)) || QUALITY_WORDS[word] || TREND_WORDS.has(word) || (word === 'over' && rest[index + 1] === 'time') ||
      (['go', 'goes', 'went', 'gone', 'going'].includes(word) && ['up', 'down'].includes(rest[index + 1] ?? ''))) changeWord = true;
    if (TREND_WORDS.has(word) || (word === 'getting' && QUALITY_WORDS[rest[index + 1]]) || (word === 'going' && (rest[index + 1] === 'up' || rest[index + 1] === 'down'))) {
      series = true;
      movement = movement ?? (word === 'going' ? (rest[index + 3] === 'down' || rest[index + 3] === 'up' ? 'any' : (rest[index + 1] as Movement)) : 'any');
    }
    if (word === 'over' && rest[index + 1] === 'time') movement = movement ?? 'any';
    // "did adoption go up or down", "has it gone up": a change ("going up" is a trend, above)
    if (['go', 'goes', 'went', 'gone'].includes(word) && (rest[index + 1] === 'up' || rest[index + 1] === 'down')) {
      movement = movement ?? (rest[index + 2] === 'or' ? 'any' : (rest[index + 1] as Movement));
    }
    // "per week", "weekly", "month by month": a series
    if (SERIES_WORDS.has(word) || ((word === 'per' || word === 'each' || word === 'by') && (rest[index + 1] === 'week' || rest[index + 1] === 'month'))) {
      movement = movement ?? 'any';
      series = true;
      if (!['trend', 'trends', 'trending'].includes(word)) periodByPeriod = true;
    }
    if (word === 'trend' || word === 'trends' || word === 'trending' || (word === 'over' && rest[index + 1] === 'time')) series = true;
    const dimensionFound = DIMENSION_WORDS[word];
    if (dimensionFound && !dimension) {
      // "task types" is one dimension; "task" alone before "type(s)" is part of it.
      if ((word === 'task' || word === 'tasks') && (rest[index + 1] === 'type' || rest[index + 1] === 'types')) return;
      if ((word === 'case' || word === 'cases') && rest[index - 1] !== 'use') return;
      if ((word === 'group' || word === 'groups') && rest[index - 1] === 'user') return;
      // "what share of Legal's tasks": the tasks are the share's whole, not a list of task types
      if (share && (word === 'task' || word === 'tasks')) return;
      [dimension, plural] = dimensionFound;
      dimensionWord = word;
      dimensionAt = index;
      // ("how many task types": the words before "task")
      const typeAt = (word === 'type' || word === 'types') && rest[index - 1] === 'task' ? index - 1 : index;
      const before = rest.slice(0, typeAt).filter((entry) => entry !== '\u0000');
      if (before.at(-1) === 'many' && before.at(-2) === 'how') countOnly = true;
      // "who is the heaviest user" asks for one
      if (word === 'who') plural = false;
      if (rest[typeAt - 1] === 'of' && rest[typeAt - 2] === 'number') countOnly = true;
    }
  });
  // "is Finance better than HR", "which is better, Finance or HR": "better" and "worse" between two groups named compare
  // their values, not each one's change ("getting better", "improved" and a comparison with the period before still do)
  const comparative = words.findIndex((word, index) => (word === 'better' || word === 'worse') && words[index - 1] !== 'getting' && words[index - 1] !== 'get');
  if (quality && comparative >= 0 && entities.length >= 2 && !versusFound && !series && movement === null &&
    !words.some((word) => QUALITY_WORDS[word] && word !== 'better' && word !== 'worse')) {
    quality = null;
    changeWord = false;
  }
  // "is Legal lagging", "is HR ahead", "is Finance a laggard": one group named and set against everyone (the all-teams
  // value, as "is Legal below average"), not a ranking of that one group
  if (ranking && ranking.limit === 0 && STANDING_WORDS.has(ranking.text) && entities.length === 1 && !comparison) {
    const behind = RANK_WORDS[ranking.text].order === 'asc';
    // (what it is set against, when said, is everyone: "behind the other teams", "ahead of the rest", "behind everyone")
    const against = /(?:^| )((?:behind|ahead(?: of)?|compared (?:to|with)|than|of) (?:the )?(?:other (?:teams|departments|groups)|others|rest(?: of the (?:company|teams|org))?|everyone|everybody|company|org))(?: |$)/.exec(free().join(' '));
    if (against) {
      const start = free().join(' ').slice(0, against.index + against[0].indexOf(against[1])).split(' ').filter((word) => word.length > 0).length;
      against[1].split(' ').forEach((_, offset) => used.add(start + offset));
      // ("ahead of everyone" sets the team against everyone: not "did everyone use it")
      if (/\bevery(one|body)\b/.test(against[1])) existence = null;
    }
    comparison = { op: behind ? '<' : '>', value: 0, unit: 'overall', text: behind ? 'below the all-teams value' : 'above the all-teams value' };
    ranking = null;
    rankPlural = false;
    if (dimension !== 'user') dimension = null;
  }
  // "total hours saved by all teams", "adoption across all teams combined": all teams taken together, not each one
  if (dimension === 'team' && plural && ['all', 'every'].includes(rest[dimensionAt - 1] ?? '') &&
    words.some((word) => TOGETHER_WORDS.has(word) || word === 'overall')) {
    dimension = null;
    plural = false;
  }
  // "how many harmful tasks by team", "abandoned tasks per task type": "tasks" names what is counted, and the grouping
  // is the team or task type written after "by", "per" or "each" (else the count is for everyone); so are the users
  // of "how many users does each team have" and "how many users per task type" (which the answer says the tables
  // lack), and the users of a measure of users ("licensed users by team", "new users per task type")
  let grouped = false;
  const usersCounted = dimension === 'user' && countOnly;
  const usersMeasured = dimension === 'user' && ranking === null && existence === null && !['who', 'whom'].includes(dimensionWord);
  if (dimensionWord === 'task' || dimensionWord === 'tasks' || usersCounted || usersMeasured) {
    const grouping = rest.findIndex((word, index) => {
      if (index <= dimensionAt || !['by', 'per', 'each'].includes(rest[index - 1] ?? '')) return false;
      if (word === 'task' || word === 'tasks') return rest[index + 1] === 'type' || rest[index + 1] === 'types';
      return DIMENSION_WORDS[word]?.[0] === 'team';
    });
    if (grouping >= 0) {
      const word = rest[grouping] === 'task' || rest[grouping] === 'tasks' ? rest[grouping + 1] : rest[grouping];
      [dimension, plural] = DIMENSION_WORDS[word];
      dimensionWord = word;
      dimensionAt = grouping;
      grouped = true;
      // ("how many tasks did each team do": the tasks are counted per team, not the teams)
      countOnly = false;
    }
  }

  // "did Legal have any harmful tasks", "were any tasks abandoned in Procurement": with a team named, "any tasks" names what
  // is measured, not a list of task types (which, crossed with the team, was refused as a breakdown the tables lack)
  if ((dimensionWord === 'task' || dimensionWord === 'tasks') && dimension === 'task_type' && !grouped && existence === 'any' &&
    entities.some((match) => match.kind === 'team') && !['which', 'what', 'each', 'every', 'per', 'by', 'all'].includes(rest[dimensionAt - 1] ?? '')) {
    dimension = null;
    plural = false;
  }

  // A series with no time named runs from the first week with data
  let scope = time.scope;
  // "which week had the highest adoption", "best month for ASI", "which weeks had adoption above 40%": the weeks (months)
  // ranked or filtered, over every loaded one unless a time is named
  // ("top 3 weeks": the number between)
  const periodAt = ranking || comparison ? words.findIndex((word, index) => {
    if (!['week', 'weeks', 'month', 'months'].includes(word)) return false;
    const lead = /^\d{1,2}$/.test(words[index - 1] ?? '') ? index - 2 : index - 1;
    return ['which', 'what'].includes(words[lead] ?? '') || RANK_WORDS[words[lead] ?? ''] !== undefined;
  }) : -1;
  const rankedPeriod = periodAt >= 0 ? (words[periodAt].startsWith('week') ? 'week' : 'month') : undefined;
  // ("which week had the most harmful tasks": the tasks are what is counted, not a list of task types)
  if (rankedPeriod && (dimensionWord === 'task' || dimensionWord === 'tasks')) dimension = null;
  if ((series || rankedPeriod) && !versusFound && scope.kind === 'default' && vocabulary.firstWeek && vocabulary.firstWeek < vocabulary.reportWeek) {
    scope = { kind: 'range', fromWeek: vocabulary.firstWeek, toWeek: vocabulary.reportWeek, fromMonth: lastMonthOfWeek(vocabulary.firstWeek), toMonth: lastMonthOfWeek(vocabulary.reportWeek), phrase: `since ${vocabulary.firstWeek}` };
  }

  // Two weeks side by side ("W45 vs W44"): the change from the first to the second (unless a total is asked: below)
  const pairChange = isPair(scope) && movement === null;
  if (pairChange) movement = 'any';

  // 6. The metric: the longest phrase, then the first ("how is X doing" only when nothing else is named);
  //    a share or a percentage asks for a rate; change words alone mean adoption
  // ("number of tasks that were abandoned": "tasks" alone is what another measure counts, so the tasks measure comes last too)
  const last = (entry: { metric: AskMetric }) => (entry.metric.id === 'summary' ? 2 : entry.metric.id === 'tasks' ? 1 : 0);
  found.sort((a, b) => last(a) - last(b) || b.length - a.length || a.start - b.start);
  // "in total", "so far", "to date" say which hours ("hours saved to date"); without hours they name none: "how many
  // tasks in total" is not the hours saved (refused, no metric named), "adoption in total" is the adoption
  const hoursNamed = found.some((entry) => entry.metric.id === 'hours_saved' || (entry.metric.id === 'cumulative_hours_saved' && !RUNNING_TOTAL_WORDS.has(entry.words.join(' '))));
  const loneTotals = hoursNamed ? [] : found.filter((entry) => entry.metric.id === 'cumulative_hours_saved');
  for (const entry of loneTotals) found.splice(found.indexOf(entry), 1);
  // "total hours saved to date", "hours saved in total": the running total, though "hours saved" is named first
  const runningTotal = found.find((entry) => entry.metric.id === 'cumulative_hours_saved');
  if (runningTotal && found[0]?.metric.id === 'hours_saved') found.unshift(runningTotal);
  // Two measures side by side ("adoption and hours saved", "AI tasks vs manual tasks") are two questions: the
  // second is refused, never dropped
  const families = [...new Set(found.map((entry) => MEASURE_FAMILY[entry.metric.id]).filter((family) => family !== undefined))];
  const aiAndManual = found.some((entry) => entry.metric.id === 'ai_tasks') && found.some((entry) => entry.metric.id === 'manual_tasks');
  // ("hours saved on manual tasks": manual tasks have no hours saved, harm or accuracy; two measures, the second refused)
  const manualBeside = found.some((entry) => entry.metric.id === 'manual_tasks') && families.length > 0;
  // "how accurate were AI tasks", "were AI tasks harmful": "AI tasks" names what is measured, the other metric the
  // measure (unless the question counts: "how many AI tasks ..."; "how many AI tasks were harmful" counts harmful ones)
  // ("number of abandoned tasks for Legal" counts as "how many" does)
  const howMany = words.some((word, index) => (word === 'how' && words[index + 1] === 'many') || (word === 'number' && words[index + 1] === 'of'));
  const measured = found.find((entry) => entry.metric.id !== 'ai_tasks' && entry.metric.id !== 'summary');
  // ("how many AI tasks did Legal abandon" counts abandoned ones, as "how many AI tasks were harmful" counts harmful ones)
  const countsOf = ['harm_rate', 'abandonment_rate', 'asi'].includes(measured?.metric.id ?? '');
  if ((!howMany || countsOf) && found[0]?.metric.id === 'ai_tasks' && measured && !aiAndManual) found.unshift(measured);
  const wantsRate = share || comparison?.unit === 'rate';
  const ofUsers = found.find((entry) => entry.metric.id === 'ai_users' || entry.metric.id === 'licensed_users');
  let metric = (share && ofUsers ? ofUsers : wantsRate ? found.find((entry) => entry.metric.unit === 'rate') : undefined)?.metric ?? found[0]?.metric ?? null;
  const useVerb = found.some((entry) => entry.metric.id === 'adoption_rate' && entry.words.some((word) => USE_VERBS.has(word)));
  if (wantsRate && (metric === null || metric.id === 'ai_tasks')) metric = metricById('adoption_rate');
  if (wantsRate && metric?.id === 'manual_tasks') metric = metricById('manual_share');
  // "how many seats are unused in Legal": the idle seats, not the licensed ones
  // ("how many licensed users are inactive": licensed and with no AI task in the window, the idle seats, not every licensed user)
  const IDLE_WORDS = ['unused', 'idle', 'empty', 'wasted', 'inactive'];
  if (metric?.id === 'licensed_users' && (rest.some((word) => IDLE_WORDS.includes(word)) || found.some((entry) => entry.metric.id === 'idle_seats' || entry.words.some((word) => IDLE_WORDS.includes(word))))) {
    metric = metricById('idle_seats');
  } else if (metric?.id === 'licensed_users') {
    // ("licensed users who stopped using it", "licensed users not using it": "licensed" says which people; the measure
    // named beside it counts them, never every licensed user)
    const narrower = found.find((entry) => entry.metric.id === 'lapsed_users' || entry.metric.id === 'non_users');
    if (narrower) metric = narrower.metric;
  }
  // "what percentage of seats are idle": the idle share, not the share of seats in use
  if (share && found.some((entry) => entry.metric.id === 'idle_seats')) metric = metricById('idle_share');
  else if (share && (metric?.id === 'ai_users' || metric?.id === 'licensed_users')) metric = metricById('user_adoption_rate');
  // "what share of people are heavy users": the usage tiers' heavy share (power users are only a list)
  if (share && (metric?.id === 'usage_tiers' || (metric?.id === 'power_users' && words.includes('heavy')))) metric = metricById('heavy_share');
  if (timesEach && (metric === null || ['adoption_rate', 'user_adoption_rate', 'ai_users', 'ai_tasks'].includes(metric.id))) metric = metricById('power_users');
  // ("teams with more than 10 users" beside a measure: a second condition, refused below, not a count of AI users)
  const sizedMeasure = groupSized && metric !== null && !['ai_users', 'licensed_users'].includes(metric.id) ? comparison : null;
  if (sizedMeasure) comparison = null;
  if (peopleCount && !sizedMeasure && (metric === null || ['adoption_rate', 'user_adoption_rate', 'ai_tasks'].includes(metric.id))) metric = metricById('ai_users');
  // "how many tasks did Finance do", "which team did the most tasks": tasks named with no measure are all of them, AI and
  // manual ("with AI" left over counts the AI tasks, "still manual" the manual ones)
  const tasksNamed = rest.some((word, index) => (word === 'task' || word === 'tasks') && rest[index + 1] !== 'type' && rest[index + 1] !== 'types');
  const sessionsNamed = rest.some((word) => ['session', 'sessions', 'output', 'outputs'].includes(word)) ||
    found.some((entry) => entry.words.includes('outputs'));
  const tasksCompared = comparison !== null && /\b(tasks?|sessions?)$/.test(comparison.text);
  // "how many tasks did Finance log": "log" is the verb of a count of tasks there, not the logging coverage (which
  // sets logged tasks against reported ones: "how many AI tasks were logged but not reported" stays coverage's)
  const loggedOnly = found.every((entry) => entry.metric.id !== 'coverage' || entry.words.every((word) => LOG_VERBS.has(word))) && !words.some((word) => word.startsWith('report'));
  const loggedCount = howMany && metric?.id === 'coverage' && loggedOnly && tasksNamed && !peopleCount && comparison === null;
  if ((!metric || loggedCount) && (tasksNamed || tasksCompared)) metric = metricById(rest.includes('ai') ? 'ai_tasks' : rest.includes('manual') ? 'manual_tasks' : 'tasks');
  // "how did Procurement do last week": a named group and no measure is its summary
  if (!metric && words[0] === 'how' && rest.includes('do') && entities.length > 0 && !comparison && !ranking) metric = metricById('summary');
  if (!metric && (movement || quality || versusFound || comparison?.unit === 'pts')) metric = metricById('adoption_rate');
  if (!metric && comparison?.unit === 'hours') metric = metricById('hours_saved');
  // "how does Finance compare with HR", "Legal vs Procurement": two groups and no metric compare their adoption
  if (!metric && entities.length >= 2 && !comparison) metric = metricById('adoption_rate');
  // "how many users does Procurement have", "how many people are in Legal", "how many users did we have last month": people
  // with an AI task, of those licensed ("how many users does each team have": the same, by team)
  if (!metric && ((dimension === 'user' && countOnly) || usersCounted)) metric = metricById('ai_users');
  // "how long before people start using it": "how long" asks for the days to a first AI task there (a start, or an
  // activation phrase: "start using"), not the manual baseline ("how long do manual tasks take")
  const howLongOnly = found.every((entry) => entry.metric.id !== 'baseline_min' || entry.words.join(' ') === 'how long');
  const startNamed = rest.some((word) => START_WORDS.has(word)) || found.some((entry) => entry.metric.kpi === 'activation');
  if (metric?.id === 'baseline_min' && howLongOnly && startNamed && !rest.includes('manual')) metric = metricById('median_days_to_first_ai_task');
  // "which team has the most users": teams ranked by the same count
  if (!metric && ranking && dimension === 'team' && rest.some((word) => word !== 'who' && DIMENSION_WORDS[word]?.[0] === 'user')) metric = metricById('ai_users');
  // "top teams", "which team is best", "is Legal above average", "which teams are lagging": teams (task types) ranked or
  // set against everyone with no measure named are ranked by adoption, the report's headline (the answer names it)
  const measureAssumed = !metric && (comparison?.unit === 'overall' || (ranking !== null && (dimension === 'team' || dimension === 'task_type')));
  if (measureAssumed) metric = metricById('adoption_rate');
  if (!metric) return null;
  if (quality) movement = movement === 'any' || movement === null ? ((quality === 'better') === metric.higherIsBetter ? 'up' : 'down') : movement;

  // "hours saved per person", "which users saved the most time": the tables hold no measure per user but their AI tasks
  // and coverage; the user words are refused, never dropped for the all-teams figure
  const perUser = dimension === 'user' && MEASURE_FAMILY[metric.id] !== undefined && metric.id !== 'adoption_rate' && dimensionAt >= 0
    && (ranking !== null || ['each', 'per', 'every', 'by'].includes(rest[dimensionAt - 1] ?? ''));
  // 7. People: "how many people used AI" counts users, "who uses it most" ranks them, "did everyone" is user adoption
  if (dimension === 'user' && !['coverage', 'blind_spots', 'power_users'].includes(metric.id)) {
    const usage = ['adoption_rate', 'ai_tasks', 'ai_users', 'user_adoption_rate'].includes(metric.id);
    if (usage && (existence === 'every' || share)) metric = metricById('user_adoption_rate');
    else if (usage && (countOnly || existence === 'any')) metric = metricById('ai_users');
    else if (ranking && (useVerb || metric.id === 'ai_tasks')) metric = metricById('power_users');
    if (metric.id !== 'power_users') {
      dimension = ranking && dimensionWord === 'who' ? 'team' : null;
      countOnly = false;
    }
  }
  // "how many harmful tasks/outputs": the count of harmful AI tasks, not the rate (nor a list of task types)
  // "which team abandoned the most tasks", "teams with more than 15 harmful tasks": tasks counted, so ranked or compared by
  // the count; "the highest abandonment rate" (or a percentage) by the rate
  const rateNamed = found.some((entry) => entry.metric.id === metric?.id && entry.words.includes('rate'));
  const countedTasks = (tasksNamed || sessionsNamed || tasksCompared) && !share && !rateNamed &&
    (ranking !== null || tasksCompared || comparison?.unit === 'number' || comparison?.unit === 'count' || versusFound !== null);
  if (countedTasks && (metric.id === 'harm_rate' || metric.id === 'abandonment_rate')) {
    metric = metricById(metric.id === 'harm_rate' ? 'harmful_tasks' : 'abandoned_tasks');
    if (comparison) comparison = { ...comparison, unit: 'count' };
  }
  if (metric.id === 'harm_rate' && howMany && !share && !comparison && !ranking && (dimension === null || grouped || dimensionWord === 'task' || dimensionWord === 'tasks')) {
    metric = metricById('harmful_tasks');
    countOnly = false;
  }
  // "how many tasks were abandoned": the count of abandoned AI tasks, not the rate
  if (metric.id === 'abandonment_rate' && howMany && !share && !comparison && !ranking && (dimension === null || grouped || dimensionWord === 'task' || dimensionWord === 'tasks')) {
    metric = metricById('abandoned_tasks');
    countOnly = false;
  }
  // "how many tasks did Legal do manually", "how many tasks went through AI": a count, not a list of task types
  if (countOnly && metric.id === 'adoption_rate' && (dimensionWord === 'task' || dimensionWord === 'tasks')) metric = metricById('ai_tasks');
  if (metric.unit === 'count' && (dimensionWord === 'task' || dimensionWord === 'tasks')) {
    dimension = null;
    countOnly = false;
  }
  // "how many tasks were abandoned": a count of tasks the tables hold only as a rate; not a count of task types
  // ("how many AI tasks were accurate": the tables hold ASI as a rate, not that count)
  const rateCounted = howMany && metric.unit === 'rate' && !comparison && !ranking && !share &&
    (dimensionWord === 'task' || dimensionWord === 'tasks' || found.some((entry) => entry.metric.id === 'ai_tasks'));
  const countWords = words.some((word, index) => word === 'how' && words[index + 1] === 'many') ? ['how', 'many'] : ['number', 'of'];
  // "how many manual hours": hours spent by hand are in no table; "hours" alone would read as hours saved
  const manualHours = metric.id === 'hours_saved' && rest.includes('manual');
  // "which team is the heaviest AI user": the team with the highest adoption ("power users by team" asks for a
  // breakdown of the power users, refused below, not the heaviest team)
  const asked = breakdowns(words, used);
  // ("which teams have power users" asks which teams hold one: the power users counted per team, read below)
  const holdsPowerUsers = !ranking && dimension === 'team' && !asked.some((breakdown) => breakdown.dimension === 'team') && found.some((entry) => entry.metric.id === 'power_users' && entry.words.some((word) => word === 'power' || word === 'super' || word === 'heavy'));
  if (metric.id === 'power_users' && (dimension === 'team' || dimension === 'task_type') && !holdsPowerUsers && !asked.some((breakdown) => breakdown.dimension === dimension)) {
    metric = metricById('adoption_rate');
    ranking = ranking ?? { order: 'desc', limit: 0, text: 'heaviest' };
  }
  if (metric.id === 'power_users' && !ranking && found.some((entry) => entry.words.some((word) => word === 'heaviest' || word === 'biggest'))) {
    ranking = { order: 'desc', limit: 0, text: 'heaviest' };
    rankPlural = found.some((entry) => entry.words.some((word) => word === 'users'));
  }
  // "did anyone have harmful outputs": any team above zero
  if (existence === 'any' && !comparison && !ranking && !movement && !metric.higherIsBetter && metric.unit === 'rate' && entities.length === 0) {
    comparison = { op: '>', value: 0, unit: 'number', text: 'above 0' };
    // ("any task types with harmful outputs" asks about task types)
    if ((dimension as Dimension | null) !== 'task_type') dimension = 'team';
  }

  const singleWeek = scope.kind === 'week' || scope.kind === 'default';
  // "hours saved per week by team", "weekly adoption": each week's values, not the change from the first to the last
  // ("weekly change", "is weekly adoption rising" ask for the change)
  const eachPeriod = periodByPeriod && !changeWord && !versusFound && !isPair(scope);
  if (eachPeriod) movement = null;
  // "average tasks per week", "mean hours saved a week in October": a count that adds up over weeks, averaged per week
  // (the weeks in range, every loaded one when no time is named), not a series; other averages stay unread
  const perWeek = words.some((word, index) => (['per', 'a', 'each', 'every'].includes(word) && words[index + 1] === 'week') || word === 'weekly');
  const averaged = words.some((word, index) => (word === 'average' || word === 'mean') && !used.has(index));
  const weeklyAverage = averaged && perWeek && WEEKLY_SUMS.has(metric.id);
  if (weeklyAverage) movement = null;
  // "hours saved in total since W42", "total hours saved in October": the hours of those weeks, not the running total
  // from the first loaded week (which the answer would have named "from W42")
  if (metric.id === 'cumulative_hours_saved' && !singleWeek) metric = metricById('hours_saved');
  // "hours saved in total in W44 and W45", "AI tasks in W40 and W47 combined": the two weeks taken together, not compared
  if (pairChange && (found.some((entry) => entry.metric.id === 'cumulative_hours_saved') || words.some((word) => TOGETHER_WORDS.has(word)))) movement = null;
  // "which team improved the most vs last week": a ranking of the week's changes, not the all-teams comparison
  let versus = versusFound;
  if (versus?.unit === 'week' && (ranking || comparison?.unit === 'pts') && entities.length === 0 && singleWeek && ['adoption_rate', 'delta_pts'].includes(metric.id)) {
    metric = metricById('delta_pts');
    versus = null;
    if ((dimension as Dimension | null) !== 'task_type') dimension = 'team';
  }
  if (metric.id === 'adoption_rate' && singleWeek && !versus && (movement || comparison?.unit === 'pts')) metric = metricById('delta_pts');
  if (metric.id === 'delta_pts' && !singleWeek) {
    metric = metricById('adoption_rate');
    movement = movement ?? 'any';
  }
  if (metric.id === 'blind_spots' || (metric.id === 'power_users' && !holdsPowerUsers)) dimension = 'user';
  // "did Sales Ops' accuracy drop", "has the harm rate gone up": the period against the one before, as "versus last
  // week" reads (adoption's change is its delta, above)
  const changeGrain = CHANGE_GRAIN[metric.id];
  if (!versus && movement && !series && singleWeek && !ranking && !comparison && dimension === null && changeGrain) {
    versus = { unit: changeGrain, direction: movement === 'any' ? null : movement, used: [] };
  }

  // 8. Rankings: "best"/"worst" follow the metric's good direction; a singular noun asks for one
  const rankingFound = ranking;
  if (rankingFound) {
    const word = rankingFound.text.split(' ')[0];
    const kind = RANK_WORDS[word]?.order ?? 'desc';
    let order: Ranking['order'] = kind === 'best' ? (metric.higherIsBetter ? 'desc' : 'asc') : kind === 'worst' ? (metric.higherIsBetter ? 'asc' : 'desc') : kind;
    // "dropped the most": the most negative change first
    if (movement === 'down' && (kind === 'desc' || kind === 'best' || kind === 'worst')) order = 'asc';
    // ("which week …" asks for one week, whatever else is plural; "which weeks …" for three)
    const limit = rankingFound.limit || (rankedPeriod ? (words[periodAt].endsWith('s') ? 3 : 1) : plural || rankPlural ? 3 : 1);
    ranking = { order, limit, text: rankingFound.text };
  }

  const averageAt = words.findIndex((word) => word === 'average' || word === 'mean' || word === 'avg');
  const acrossAverage = averageAt >= 0 && !weeklyAverage && (dimension === 'team' || dimension === 'task_type') && plural && !ranking && !comparison && !existence
    ? { at: averageAt } : null;
  const unreadBreakdowns = [...new Set(asked
    .filter((breakdown) => breakdown.dimension !== dimension || !(LISTED_BY[metric.id] ?? [breakdown.dimension]).includes(breakdown.dimension))
    .map((breakdown) => writtenAs(question, breakdown.at.map((index) => words[index]))))];
  // "which teams did not dip", "is Legal not lagging", "which team isn't improving": a negation no rule read before a change,
  // rank, standing or comparison word would be answered as its opposite (the teams that dipped, "Yes" it lags): refused
  const negations = words.flatMap((word, index) => {
    const negation = (word === 'not' || word === 'never' || (word === 't' && /n$/.test(words[index - 1] ?? ''))) && !used.has(index);
    if (!negation) return [];
    const at = [index + 1, index + 2].find((position) => {
      const next = words[position] ?? '';
      return (MOVEMENT_WORDS[next] !== undefined && !WEAK_MOVEMENT.has(next)) || QUALITY_WORDS[next] !== undefined || RANK_WORDS[next] !== undefined ||
        TREND_WORDS.has(next) || STANDING_WORDS.has(next) || COMPARISON_WORDS.some(([phrase]) => phrase[0] === next && phrase[0] !== 'by') ||
        UP_WORDS.has(next) || DOWN_WORDS.has(next);
    });
    return at === undefined ? [] : [writtenAs(question, words.slice(word === 't' ? index - 1 : index, at + 1))];
  });
  const unread = [...new Set([
    ...negations,
    ...(sizedMeasure ? [`with ${sizedMeasure.text}`] : []),
    // "average adoption across teams": a mean of the teams' figures is in no table (the all-teams figure weighs every
    // task, not every team), so refused, never answered with the list of teams
    ...(acrossAverage ? [writtenAs(question, [words[acrossAverage.at]])] : []),
    ...narrowedGroups(words, used).map((phrase) => writtenAs(question, phrase.map((index) => words[index]))),
    ...(rateCounted ? [writtenAs(question, countWords)] : []),
    ...(manualHours ? [writtenAs(question, ['manual'])] : []),
    ...words.flatMap((word, index) => (!used.has(index) && (EVENT_WORDS.has(word) || (metric.id === 'summary' && MOVEMENT_WORDS[word] && !WEAK_MOVEMENT.has(word)))
      ? [writtenAs(question, [word])] : [])),
    ...(perUser ? [writtenAs(question, [...(['each', 'per', 'every', 'by'].includes(words[dimensionAt - 1] ?? '') ? [words[dimensionAt - 1]] : []), words[dimensionAt]])] : []),
    ...notNames
      .filter((match) => !ARTICLES.has(words[match.used[0] - 1] ?? '') && match.used.every((index) => !used.has(index) && !NOT_NAMES.has(words[index])))
      .map((match) => writtenAs(question, match.used.map((index) => words[index]))),
    ...unplacedWords(question, words, used, comparison !== null, weeklyAverage ? new Set(['average', 'mean']) : meantWords(metric)),
  ])];
  const unknown = unknownNames(question, words, used);
  const severalBefore = SEVERAL_BEFORE.exec(words.join(' '))?.[0];
  // (words other rules refuse by themselves, or read without marking them, are no unknown words)
  const knownWord = (word: string) => RESERVED.has(word) || isMonthWord(word) || NOT_NAMES.has(word) || TIME_LIKE.test(word) ||
    MEANING_WORDS.has(word) || EVENT_WORDS.has(word) || EXCLUDING.has(word) || TIME_LEADS.has(word) || WHEN_WORDS.has(word) ||
    TOGETHER_WORDS.has(word) || (SEVERITIES as string[]).includes(word) || MEDIAN_WORDS.has(word) || PEOPLE_UNITS.has(word) || START_WORDS.has(word) ||
    LOG_VERBS.has(word) || NAME_LEADS.has(word) || ARTICLES.has(word) || EXISTENCE_LEADS.has(word) || UP_WORDS.has(word) || DOWN_WORDS.has(word);
  // the words of the names the question names, matched or not: an exclusion next to one leaves it out
  const unknownWords = new Set(unknown.flatMap((name) => textTokens(name)));
  const named = new Set([...entities.flatMap((match) => match.used), ...words.flatMap((word, index) => (unknownWords.has(word) ? [index] : []))]);
  return {
    metric,
    dimension,
    teams: entities.filter((match) => match.kind === 'team').map((match) => match.name),
    taskTypes: entities.filter((match) => match.kind === 'task_type').map((match) => match.name),
    comparison,
    ranking,
    movement,
    time: scope,
    countOnly,
    unknownNames: unknown,
    ambiguousNames,
    typos: [...new Map([...misread].sort(([a], [b]) => a - b).map(([index, read]) => [`${words[index]} ${read}`, { asked: writtenAs(question, [words[index]]), read }])).values()],
    unknownTime: severalBefore ? [severalBefore, ...unreadTime(words, used).filter((time) => !severalBefore.includes(time))] : unreadTime(words, used),
    unreadBreakdowns,
    unreadWords: unreadWords(words, used, knownWord, [...RESERVED]).map((phrase) => writtenAs(question, phrase.map((index) => words[index]))),
    leftOut: leftOutNames(words, named),
    // (ASI is a share of tasks on target, not an average of their accuracy: "average accuracy" stays unread; a second
    // measure is named when nothing else is unread)
    unplaced: unread.length > 0 ? unread : secondMeasure(found, families.length > 1 || aiAndManual || manualBeside, metric).map((entry) => writtenAs(question, words.slice(entry.start, entry.start + entry.length))),
    versus: versus ? { unit: versus.unit, direction: versusDirection(versus.direction, metric) } : null,
    existence,
    yesNo: EXISTENCE_LEADS.has(words[0] ?? '') && words[0] !== 'any',
    severities: metric.id === 'alerts' ? SEVERITIES.filter((severity) => words.includes(severity)) : [],
    ...(rankedPeriod ? { rankedPeriod } : {}),
    ...(weeklyAverage ? { weeklyAverage } : {}),
    ...(eachPeriod && !weeklyAverage ? { eachPeriod } : {}),
    ...(measureAssumed ? { measureAssumed: true as const } : {}),
  };
}

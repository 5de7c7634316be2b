// The one place that names and formats every column and alert rule for readers: report tables,
// the email, the notebooks and the reading guide all take their labels and number formats from here.

/** How a column's numbers read: `rate` a fraction shown as a percent, `pts` percentage points, `hours`, `minutes`, `count`. */
export type ColumnUnit = 'rate' | 'pts' | 'hours' | 'minutes' | 'count' | 'number' | 'flag' | 'text' | 'team' | 'task_type' | 'source' | 'rule';

export interface ColumnInfo {
  /** The header a reader sees; it wraps at spaces only, so it names its unit in words or brackets. */
  label: string;
  unit: ColumnUnit;
}

/** How the all-teams row (team `*`) is named wherever a reader sees it. */
export const ALL_TEAMS_LABEL = 'All teams';

export const COLUMN_CATALOG: Record<string, ColumnInfo> = {
  team: { label: 'Team', unit: 'team' },
  task_type: { label: 'Task type', unit: 'task_type' },
  week: { label: 'Week', unit: 'text' },
  month: { label: 'Month', unit: 'text' },
  date: { label: 'Date', unit: 'text' },
  user_id: { label: 'User', unit: 'text' },
  source: { label: 'Source', unit: 'source' },
  ai_tasks: { label: 'AI tasks', unit: 'count' },
  manual_tasks: { label: 'Manual tasks', unit: 'count' },
  adoption_rate: { label: 'Adoption', unit: 'rate' },
  delta_pts: { label: 'Change vs last week (pts)', unit: 'pts' },
  previous_adoption_rate: { label: 'Adoption last week', unit: 'rate' },
  user_adoption_rate: { label: 'User adoption', unit: 'rate' },
  ai_users: { label: 'AI users', unit: 'count' },
  licensed_users: { label: 'Licensed users', unit: 'count' },
  abandonment_rate: { label: 'Abandoned', unit: 'rate' },
  abandoned_tasks: { label: 'Abandoned AI tasks', unit: 'count' },
  ai_tasks_any_status: { label: 'AI tasks (any status)', unit: 'count' },
  user_weighted_adoption_rate: { label: 'Adoption per user (mean)', unit: 'rate' },
  users: { label: 'Users', unit: 'count' },
  hours_saved: { label: 'Hours saved (h)', unit: 'hours' },
  cumulative_hours_saved: { label: 'Hours saved to date (h)', unit: 'hours' },
  timed_ai_tasks: { label: 'Timed AI tasks', unit: 'count' },
  evaluated: { label: 'Evaluated AI tasks', unit: 'count' },
  above_target: { label: 'On target', unit: 'count' },
  asi: { label: 'ASI', unit: 'rate' },
  previous_asi: { label: 'ASI month before', unit: 'rate' },
  asi_change: { label: 'ASI change', unit: 'rate' },
  harmful: { label: 'Harmful', unit: 'count' },
  harm_rate: { label: 'Harm rate', unit: 'rate' },
  logged_ai_tasks: { label: 'Logged AI tasks', unit: 'count' },
  reported_ai_tasks: { label: 'Reported AI tasks', unit: 'count' },
  coverage: { label: 'Logging coverage', unit: 'rate' },
  flagged: { label: 'Blind spot', unit: 'flag' },
  expected_tasks: { label: 'Usual tasks that weekday', unit: 'number' },
  threshold: { label: 'Cut-off (AI tasks)', unit: 'number' },
  baseline_min: { label: 'Manual baseline (min)', unit: 'minutes' },
  manual_tasks_with_duration: { label: 'Timed manual tasks', unit: 'count' },
  severity: { label: 'Severity', unit: 'text' },
  rule: { label: 'Alert', unit: 'rule' },
  message: { label: 'What happened', unit: 'text' },
  title: { label: 'Alert', unit: 'text' },
  grain: { label: 'Period kind', unit: 'text' },
  period: { label: 'Period', unit: 'text' },
  new_ai_users: { label: 'New AI users', unit: 'count' },
  not_yet_active_users: { label: 'Licensed, no AI task before', unit: 'count' },
  activation_rate: { label: 'Activation', unit: 'rate' },
  median_days_to_first_ai_task: { label: 'Median days to first AI task', unit: 'number' },
  cohort_users: { label: 'Cohort users', unit: 'count' },
  retained_m1: { label: 'Still active month +1', unit: 'rate' },
  retained_m2: { label: 'Still active month +2', unit: 'rate' },
  active_users: { label: 'Active users', unit: 'count' },
  active_retention: { label: 'Active next month', unit: 'rate' },
  active_retention_m2: { label: 'Active month +2', unit: 'rate' },
  people: { label: 'People', unit: 'count' },
  none: { label: 'No AI tasks', unit: 'count' },
  light: { label: 'Light users', unit: 'count' },
  moderate: { label: 'Moderate users', unit: 'count' },
  heavy: { label: 'Heavy users', unit: 'count' },
  none_share: { label: 'No AI tasks (share)', unit: 'rate' },
  light_share: { label: 'Light (share)', unit: 'rate' },
  moderate_share: { label: 'Moderate (share)', unit: 'rate' },
  heavy_share: { label: 'Heavy (share)', unit: 'rate' },
  idle_seats: { label: 'Idle seats', unit: 'count' },
  idle_share: { label: 'Idle share', unit: 'rate' },
  idle_cost: { label: 'Idle seat cost per month', unit: 'number' },
  lapsed_users: { label: 'Lapsed users', unit: 'count' },
  idle_weeks: { label: 'Idle window (weeks)', unit: 'count' },
  caveat: { label: 'Caveat', unit: 'text' },
};

/** Human titles of the alert rules (metrics/alerts.ts), in the reader's words. */
export const ALERT_TITLES: Record<string, string> = {
  adoption_drop: 'Adoption dropped',
  task_type_drop: 'Task type adoption dropped',
  asi_below_target: 'Accuracy below target',
  asi_falling: 'Accuracy falling',
  harm_rate: 'Harmful outputs',
  data_gap: 'Data gap',
  blind_spot: 'Logging blind spot',
  idle_seats: 'Idle seats',
};

const SOURCE_LABELS: Record<string, string> = { ai_logs: 'AI logs', manual_logs: 'Manual logs', user_monthly_summary: 'Roster' };

/**
 * What a log source's rows are, in a sentence: "AI tasks", "manual tasks" (a data gap's "no AI tasks on ...").
 * @example sourceTasks('ai_logs') // 'AI tasks'
 */
export function sourceTasks(source: unknown): string {
  return `${source === 'ai_logs' ? 'AI' : 'manual'} tasks`;
}

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimalFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimalFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** The text of an empty or withheld cell. */
export const EMPTY_CELL = '—';

/**
 * A column's header for readers; an unknown column reads as its words.
 * @example columnLabel('delta_pts') // 'Change vs last week (pts)'
 */
export function columnLabel(column: string): string {
  const known = COLUMN_CATALOG[column]?.label;
  if (known) return known;
  const words = column.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The unit a column's values are formatted by; unknown `*_rate` columns are rates. */
export function columnUnit(column: string): ColumnUnit {
  return COLUMN_CATALOG[column]?.unit ?? (/(^|_)rate$|(^|_)share$/.test(column) ? 'rate' : 'number');
}

/**
 * The name of a team for readers: "All teams" for `*`.
 * @example teamName('*') // 'All teams'
 */
export function teamName(team: unknown): string {
  return team === '*' ? ALL_TEAMS_LABEL : String(team);
}

/**
 * An alert rule's title for readers.
 * @example alertTitle('adoption_drop') // 'Adoption dropped'
 */
export function alertTitle(rule: string): string {
  return ALERT_TITLES[rule] ?? columnLabel(rule);
}

function withoutNegativeZero(text: string): string {
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/**
 * A fraction as a percent with one decimal and a space before the sign (the report's one style).
 * @example formatRate(0.4132) // '41.3 %'
 */
export function formatRate(rate: number): string {
  return `${withoutNegativeZero(oneDecimalFormat.format(rate * 100))} %`;
}

/**
 * A count as the report writes it, in tables and sentences alike: thousands separated.
 * @example formatCount(2706) // '2,706'
 */
export function formatCount(count: number): string {
  return integerFormat.format(count);
}

/**
 * Hours, minutes or a mean as the report writes them: one decimal, thousands separated, never "-0.0".
 * @example formatDecimal(2416.95) // '2,417.0'
 */
export function formatDecimal(value: number): string {
  return withoutNegativeZero(oneDecimalFormat.format(value));
}

/**
 * Percentage points with a sign and one decimal.
 * @example formatPoints(-3.44) // '-3.4'
 */
export function formatPoints(points: number): string {
  const text = withoutNegativeZero(oneDecimalFormat.format(points));
  return points > 0 && text !== '0.0' ? `+${text}` : text;
}

/**
 * One cell's text by its column's unit: rates as "41.3 %", points signed, hours and minutes with
 * one decimal, counts with thousands separators, `*` as "All teams", rule ids as their titles.
 * Units named in the header (pts, h, min) are not repeated in the cell.
 * @example formatColumnValue('adoption_rate', 0.5) // '50.0 %'
 */
export function formatColumnValue(column: string, value: unknown): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return EMPTY_CELL;
  const unit = columnUnit(column);
  if (typeof value === 'number') {
    if (unit === 'rate') return formatRate(value);
    if (unit === 'pts') return formatPoints(value);
    if (unit === 'hours' || unit === 'minutes') return formatDecimal(value);
    return Number.isInteger(value) ? integerFormat.format(value) : withoutNegativeZero(twoDecimalFormat.format(value));
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  if (unit === 'team') return teamName(text);
  if (unit === 'task_type') return text.replace(/_/g, ' ');
  if (unit === 'source') return SOURCE_LABELS[text] ?? text;
  if (unit === 'rule') return alertTitle(text);
  return text;
}

/** Whether a catalogued column holds numbers (right-aligned in tables); undefined for a column the catalogue does not know. */
export function isNumericColumn(column: string): boolean | undefined {
  if (!(column in COLUMN_CATALOG) && columnUnit(column) !== 'rate') return undefined;
  return ['rate', 'pts', 'hours', 'minutes', 'count', 'number'].includes(columnUnit(column));
}

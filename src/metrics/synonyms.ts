/**
 * The words people use for each KPI and for the report columns `uptake ask` answers about, keyed
 * by the registry id (or the column id). `uptake ask` adds each KPI's registry title and id, so a
 * new KPI is askable by its title at once; list its everyday words here.
 * Single words match their plural and verb forms too ("use" reads "uses", "used", "using").
 */
export const KPI_SYNONYMS: Record<string, string[]> = {
  adoption_rate: ['adoption', 'adoption rate', 'adopt', 'adopted', 'adopting', 'uptake', 'usage', 'use', 'rely', 'relies', 'relied', 'relying',
    'reliance', 'touch', 'touched', 'went through ai', 'go through ai', 'goes through ai', 'done with ai', 'automated', 'automation', 'ai share', 'share of ai'],
  delta_pts: ['delta', 'week over week', 'wow', 'delta pts'],
  user_adoption_rate: ['user adoption', 'user adoption rate', 'users adopting', 'users using ai', 'licensed users using ai'],
  ai_users: ['active users', 'ai users', 'users of ai', 'users who used ai'],
  licensed_users: ['licensed users', 'licenses', 'licences', 'seats'],
  user_weighted_adoption_rate: ['user weighted', 'user weighted adoption', 'user weighted adoption rate', 'per user adoption'],
  abandonment_rate: ['abandonment', 'abandonment rate', 'abandon', 'abandoned', 'abandoning', 'give up', 'gave up', 'giving up', 'cancelled', 'quit'],
  ai_tasks: ['ai tasks', 'completed ai tasks', 'tasks with ai', 'tasks done with ai'],
  manual_tasks: ['manual tasks', 'tasks done manually', 'manual work', 'without ai', 'manually', 'by hand'],
  manual_share: ['manual share', 'share of manual work'],
  hours_saved: ['hours', 'hours saved', 'time saved', 'save', 'saved', 'saving', 'savings', 'saves', 'time savings'],
  cumulative_hours_saved: ['cumulative', 'cumulative hours', 'cumulative hours saved', 'running total', 'hours saved so far', 'saved so far', 'in total',
    'so far', 'to date', 'all time', 'since the start'],
  asi: ['asi', 'accuracy', 'accuracy stability', 'stability', 'accurate', 'on target', 'quality', 'correct', 'correctness', 'right answers'],
  harm_rate: ['harm', 'harm rate', 'harmful', 'harmful outputs', 'unsafe', 'safe', 'safety'],
  coverage: ['coverage', 'logging coverage', 'logging', 'logged', 'log', 'under logging', 'under reporting'],
  blind_spots: ['blind spot', 'blind spots', 'blindspot', 'blindspots', 'logging blind spots', 'not logging', 'under logged', 'missing logs'],
  gaps: ['gap', 'gaps', 'data gap', 'data gaps', 'missing data', 'no data', 'outage', 'outages', 'missing export', 'missing exports', 'missing files',
    'missing days', 'days missing', 'day missing', 'missing day'],
  alerts: ['alert', 'alerts', 'warning', 'warnings', 'alarm', 'alarms', 'fired', 'flagged problems', 'red flag', 'red flags', 'went wrong',
    'problems', 'issues', 'concerns'],
  power_users: ['power user', 'power users', 'heavy user', 'heavy users', 'heaviest user', 'heaviest users', 'heaviest ai user', 'super users', 'biggest user'],
  baseline_min: ['baseline', 'baselines', 'manual baseline', 'manual baselines', 'manual duration', 'how long', 'minutes manually',
    'longest by hand', 'longest manually', 'time by hand'],
  summary: ['summary', 'summarise', 'summarize', 'headline', 'headlines', 'overview', 'how are we doing', 'how is it going', 'kpis', 'report', 'doing',
    'getting on', 'going on', 'status', 'how are things'],
};

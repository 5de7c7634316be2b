/** One documented question pattern; `{team}`, `{team2}` and `{task_type}` are filled with names from the data. */
export interface AskPattern {
  id: string;
  pattern: string;
  example: string;
  answers: string;
}

/** The question patterns `uptake ask` answers, as the README documents them (each covered by a test). */
export const ASK_PATTERNS: AskPattern[] = [
  { id: 'adoption-overall', pattern: 'what is the adoption rate [time]', example: 'what is the adoption rate last week', answers: 'all-teams adoption rate of the report week, with AI and manual task counts' },
  { id: 'adoption-team', pattern: "what is {team}'s adoption [time]", example: "what is {team}'s adoption", answers: 'one team\'s adoption rate' },
  { id: 'adoption-task-type', pattern: 'adoption of {task_type} [time]', example: 'adoption of {task_type} last week', answers: 'one task type\'s adoption rate' },
  { id: 'adoption-by-team', pattern: 'adoption by team [time]', example: 'adoption by team', answers: 'every team\'s adoption rate, highest first' },
  { id: 'adoption-top', pattern: 'top N teams by adoption [time]', example: 'top 3 teams by adoption', answers: 'the N highest adoption rates' },
  { id: 'adoption-lowest-task-type', pattern: 'which task type has the lowest adoption [time]', example: 'which task type has the lowest adoption', answers: 'the task type with the lowest adoption rate' },
  { id: 'adoption-below', pattern: 'which teams have adoption below X % [time]', example: 'which teams have adoption below 50 %', answers: 'teams whose adoption rate is under the threshold' },
  { id: 'dipped', pattern: 'which teams dipped more than X points [time]', example: 'which teams dipped more than 10 points last week', answers: 'teams whose delta_pts is below -X (week over week)' },
  { id: 'grew', pattern: 'which task types grew more than X points [time]', example: 'which task types grew more than 5 points last week', answers: 'task types whose delta_pts is above X' },
  { id: 'dipped-any', pattern: 'which teams dipped [time]', example: 'which teams dipped last week', answers: 'every team whose adoption fell on the week before' },
  { id: 'delta-team', pattern: "how did {team}'s adoption change last week", example: "how did {team}'s adoption change last week", answers: 'one team\'s delta_pts, with both weeks\' rates' },
  { id: 'adoption-since', pattern: 'how did adoption change since W40', example: 'how did adoption change since W40', answers: 'the adoption trend from that week to the report week, first to last in points' },
  { id: 'adoption-trend-team', pattern: "{team}'s adoption trend over the last N weeks", example: "{team}'s adoption trend over the last 4 weeks", answers: 'one team\'s weekly adoption rates' },
  { id: 'adoption-month', pattern: 'adoption in October', example: 'what was adoption in October', answers: 'the pooled adoption rate over the ISO weeks whose Thursday falls in the month' },
  { id: 'adoption-change-since-teams', pattern: 'which teams fell more than X points since W40', example: 'which teams fell more than 5 points since W40', answers: 'teams whose adoption changed by less than -X points between the two weeks' },
  { id: 'user-adoption', pattern: 'user adoption by team [time]', example: 'user adoption by team', answers: 'licensed users with an AI task / licensed users, per team' },
  { id: 'user-weighted', pattern: 'user weighted adoption for {team}', example: 'user weighted adoption for {team}', answers: 'the mean of per-user adoption rates (power-user bias check)' },
  { id: 'abandonment', pattern: 'which task types have abandonment above X %', example: 'which task types have abandonment above 10 %', answers: 'task types whose abandonment rate exceeds the threshold' },
  { id: 'ai-tasks', pattern: 'how many AI tasks did {team} complete [time]', example: 'how many AI tasks did {team} complete last week', answers: 'completed AI tasks of one team' },
  { id: 'hours-team-month', pattern: 'how many hours did {team} save in October', example: 'how many hours did {team} save in October', answers: 'sum of hours_saved over the month\'s ISO weeks (Thursday rule)' },
  { id: 'hours-overall', pattern: 'how many hours were saved [time]', example: 'how many hours were saved last week', answers: 'all-teams hours saved' },
  { id: 'hours-rank', pattern: 'which team saved the most hours [time]', example: 'which team saved the most hours last week', answers: 'the team with the most hours saved' },
  { id: 'hours-task-type', pattern: 'hours saved by task type [time]', example: 'hours saved by task type since W44', answers: 'hours saved per task type (task types in place of teams)' },
  { id: 'hours-at-least', pattern: 'which teams saved at least X hours [time]', example: 'which teams saved at least 5 hours last week', answers: 'teams at or above the hours threshold' },
  { id: 'hours-cumulative', pattern: 'cumulative hours saved', example: 'cumulative hours saved', answers: 'running total of hours saved up to the report week' },
  { id: 'asi-top-task-types', pattern: 'top task types by accuracy stability this month', example: 'top task types by accuracy stability this month', answers: 'the 3 task types with the highest ASI in the report month' },
  { id: 'asi-team-month', pattern: "{team}'s ASI in October", example: "what was {team}'s ASI in October", answers: 'one team\'s accuracy stability index for a month' },
  { id: 'asi-below', pattern: 'which teams are below X % accuracy stability', example: 'which teams are below 80% accuracy stability this month', answers: 'teams whose ASI is under the threshold' },
  { id: 'asi-trend', pattern: 'how did ASI change since September', example: 'how did ASI change since September', answers: 'monthly ASI from that month to the report month' },
  { id: 'harm-overall', pattern: 'what is the harm rate [time]', example: 'what is the harm rate last week', answers: 'harmful AI tasks / AI tasks, all teams' },
  { id: 'harm-worst', pattern: 'which team has the highest harm rate [time]', example: 'which team has the highest harm rate', answers: 'the team with the highest harm rate' },
  { id: 'blind-spots', pattern: 'which users are logging blind spots', example: 'which users are logging blind spots', answers: 'users flagged below the coverage threshold in the latest complete month' },
  { id: 'coverage-team', pattern: 'logging coverage of {team} in October', example: 'logging coverage of {team} in October', answers: 'logged / reported AI tasks, pooled over the team\'s users' },
  { id: 'coverage-users-below', pattern: 'which users have coverage below X %', example: 'which users have coverage below 90 %', answers: 'users under any coverage threshold' },
  { id: 'gaps', pattern: 'were there any data gaps [time]', example: 'were there any data gaps last week', answers: 'team, source and date of each gap' },
  { id: 'alerts', pattern: 'what alerts fired [time]', example: 'what alerts fired last week', answers: 'the alerts of the report week, by severity' },
  { id: 'power-users', pattern: 'who are the power users [time]', example: 'who are the power users last week', answers: 'users above the power-user percentile of weekly AI tasks' },
  { id: 'baseline', pattern: 'what is the manual baseline for {task_type}', example: 'what is the manual baseline for {task_type}', answers: 'median manual minutes of that task type' },
  { id: 'underperform', pattern: 'which task types under-perform on accuracy', example: 'which task types under-perform on accuracy', answers: 'groups whose value is worse than the all-teams value of the same period ("below average", "outperform" too)' },
  { id: 'yes-no', pattern: 'is {team} adoption above X %', example: 'is {team} adoption above 50%', answers: 'yes or no, with the value' },
  { id: 'compare', pattern: 'compare {team} and {team2} adoption [time]', example: 'compare {team} and {team2} adoption', answers: 'the named groups side by side' },
  { id: 'trend-default', pattern: 'usage trend', example: 'usage trend', answers: 'a series from the first week with data to the report week' },
  { id: 'users-in-team', pattern: 'which users in {team} have coverage below X %', example: 'which users in {team} have coverage below 100%', answers: 'per-user coverage limited to one team\'s roster users' },
  { id: 'idle-seats-team', pattern: 'how many idle seats does {team} have', example: 'how many idle seats does {team} have', answers: 'licensed users of the team with no AI task in the last people.idleWeeks weeks, with its licensed seats and idle share' },
  { id: 'new-users', pattern: 'how many new users [time]', example: 'how many new users last week', answers: 'licensed users whose first AI task was in the week' },
  { id: 'retention', pattern: 'are new users sticking with it', example: 'are new users sticking with it', answers: 'the latest cohort\'s share (users by month of first AI task) still using AI a month later' },
  { id: 'summary', pattern: 'give me a summary', example: 'give me a summary', answers: 'the headline numbers of the report week' },
];

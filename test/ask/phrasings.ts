/**
 * Everyday phrasings of questions about data/sample (report week 2026-W47), written the way a
 * stakeholder asks them, before the grammar was changed to read them (100 of the first 171 were
 * answered right then). Each names what a right
 * answer says: `has` are strings the answer must contain (numbers as the answers print them),
 * `not` strings it must not contain (a team that would make it the wrong answer).
 *
 * Expected values were re-derived for the regenerated sample (with the people story: Legal's idle
 * seats, HR's late starters and lapsed users, the small Internal Audit team, a harmful output a
 * week) from data/sample/truth.json (the generator's independent reference) and checked against
 * `node dist/cli/main.js metrics --input data/sample --week 2026-W47 --json`:
 * - adoption W47: all 47.3 % (1009 AI / 1122 manual; +0.9 pts on 46.4 %), Engineering 72.8 % (+8.2),
 *   Sales Ops 60.9 % (+2.5), Finance 55.6 % (+1.1), HR 37.4 % (+6.3 on 31.1 %), Legal 27.1 % (+1.2 on 26.0 %;
 *   285 manual tasks), Procurement 33.6 % (-22.0 on 55.6 %); Internal Audit (3 users) is suppressed.
 * - adoption trend W40 -> W47: all 34.6 % -> 47.3 %; Engineering 52.1 % -> 72.8 %, Finance 36.9 % -> 55.6 %,
 *   HR 23.8 % -> 37.4 %, Legal 15.8 % -> 27.1 %, Procurement 41.6 % -> 33.6 %, Sales Ops 48.3 % -> 60.9 %;
 *   W44: all 41.9 %, Finance 49.3 %, Procurement 50.2 %; W45 all 44.1 %; W45..W47 pooled 2930 / 6376 = 46.0 %.
 * - task types W47: budget_reconciliation 60.8 %, meeting_summary 56.0 %, report_drafting 53.3 %,
 *   email_triage 48.6 %, data_entry 48.5 %, invoice_matching 45.5 % (-16.7), vendor_onboarding 33.1 %
 *   (-14.7), contract_review 25.3 % (lowest); abandonment: vendor_onboarding highest.
 * - users W47: 59 AI users of 65 licensed (user adoption 90.8 %): Legal 9 of 13 (69.2 %), HR 11 of 13
 *   (84.6 %), the others 9 of 9; user-weighted 47.2 %.
 * - abandonment W47: all 8.3 % (W40 8.6 %), Procurement 13.8 %, Legal 11.5 %, Finance 9.1 %, Engineering 5.6 %.
 * - hours saved W47: all 336.9 (W46 337.9, W40 247.9; cumulative 2417.0 (2416.95, rounded as the report rounds it); W44..W47 1303.7),
 *   Engineering 67.2, Finance 65.1, Legal 51.5 (W46 62.0), Sales Ops 50.4, HR 40.4, Procurement 39.3
 *   (average of the shown teams 52.3); Legal in October (W40..W44) 226.6.
 * - ASI: 2026-11 all 84.6 %, Legal 92.8 %, Finance 92.0 %, Engineering 91.0 %, HR 88.9 %, Procurement 85.8 %,
 *   Sales Ops 59.4 %; 2026-10 all 89.7 %, HR 88.5 %, Procurement 88.4 %, Sales Ops 90.3 %; 2026-09 all 90.8 %,
 *   Legal 94.1 %.
 * - harm W47: 1 harmful task, in Legal (0.9 %); all 0.1 %.
 * - coverage 2026-10: all 98.6 %, Finance 94.5 %; blind spots u007 (62.9 %), u017 (68.0 %).
 * - gaps: Legal, ai_logs, 2026-11-18. Alerts W47: 9 (2 high, 5 medium with the task types invoice_matching and
 *   vendor_onboarding, 2 low). Power users: u006 (67 AI tasks), u018 (26).
 * - baselines: contract_review 77.0 min, invoice_matching 27.5, email_triage 13.0.
 * - people W47 (truth.json's people section): 65 licensed; 6 idle seats (Legal 4 of 13, HR 2), 2 lapsed
 *   (HR: u067, u068), 1 new AI user (u065, HR); heavy users (more than 20 AI tasks) Engineering 7,
 *   Sales Ops 5; the 2026-09 cohort (59 people) all active in 2026-10.
 */
export interface Phrasing {
  intent: string;
  question: string;
  /** Strings a right answer contains; empty for a question that must not be answered. */
  has: string[];
  not?: string[];
  /** False: no answer, three suggestions instead. */
  answered?: boolean;
}

const p = (intent: string, question: string, has: string[], not: string[] = []): Phrasing => ({ intent, question, has, not });
const refused = (question: string, not: string[] = []): Phrasing => ({ intent: 'unanswerable', question, has: [], not, answered: false });

export const PHRASINGS: Phrasing[] = [
  // Adoption, one number
  p('adoption', "what's our adoption rate this week?", ['47.3 %']),
  p('adoption', 'How much are people using the AI tool right now?', ['47.3 %']),
  p('adoption', 'overall AI uptake', ['47.3 %']),
  p('adoption', 'what share of all tasks were done with AI last week', ['47.3 %']),
  p('adoption', 'What percentage of tasks go through the AI?', ['47.3 %']),
  p('adoption', 'adoption in W46', ['46.4 %', '2026-W46']),
  p('adoption', 'what was usage in week 45', ['44.1 %']),
  p('adoption', 'adoption for the whole company in W40', ['34.6 %']),
  p('adoption', "what is Finance's adoption rate?", ['55.6 %']),
  p('adoption', 'how much does HR use AI', ['37.4 %']),
  p('adoption', 'Legal usage this week', ['27.1 %']),
  p('adoption', 'engineering uptake', ['72.8 %']),
  p('adoption', 'adoption rate for sales ops', ['60.9 %']),
  p('adoption', 'adopton rate for Procurment', ['33.6 %']),
  p('adoption', 'how much is finanse relying on the AI', ['55.6 %']),
  p('adoption', "What was Procurement's adoption in W46?", ['55.6 %', '2026-W46']),
  p('adoption', 'HR adoption in week 40', ['23.8 %']),
  p('adoption', 'how many AI tasks did Engineering do last week', ['243']),
  p('adoption', 'how many tasks did legal do manually this week', ['285']),

  // Superlatives
  p('superlative', 'which department relies on the AI least?', ['Legal', '27.1 %'], ['Engineering', 'Procurement']),
  p('superlative', 'which team uses the tool the least', ['Legal'], ['Engineering', 'Procurement']),
  p('superlative', 'which team uses AI the most', ['Engineering', '72.8 %'], ['Procurement']),
  p('superlative', 'who has the highest adoption', ['Engineering'], ['Procurement']),
  p('superlative', 'lowest adoption team', ['Legal'], ['Engineering', 'Procurement']),
  p('superlative', 'which team is best at adopting AI', ['Engineering'], ['Procurement']),
  p('superlative', 'worst team for AI adoption', ['Legal'], ['Engineering', 'Procurement']),
  p('superlative', 'bottom 2 teams by usage', ['Procurement', 'Legal'], ['HR', 'Engineering']),
  p('superlative', 'which team is the heaviest AI user', ['Engineering'], ['Procurement']),
  p('superlative', 'which team is lagging on adoption', ['Legal'], ['Engineering', 'Procurement']),
  p('superlative', "who's leading on uptake", ['Engineering'], ['Procurement']),
  p('superlative', 'top three teams by adoption', ['Engineering', 'Sales Ops', 'Finance'], ['HR']),
  p('superlative', 'least adopting department in W46', ['Legal', '26.0 %'], ['Engineering']),
  p('superlative', 'which task type uses AI the least', ['contract_review'], ['meeting_summary']),
  p('superlative', 'which kind of task has the highest adoption', ['budget_reconciliation', '60.8 %'], ['contract_review', 'meeting_summary']),
  p('superlative', 'most automated task type', ['budget_reconciliation'], ['contract_review', 'meeting_summary']),
  p('superlative', 'what are the 2 least adopted task types', ['contract_review', 'vendor_onboarding'], ['meeting_summary']),
  p('superlative', 'which team saved the most time', ['Engineering', '67.2'], ['HR']),
  p('superlative', 'which team saved the least hours', ['Procurement', '39.3'], ['Engineering', 'Internal Audit']),
  p('superlative', 'which team has the worst quality', ['Sales Ops', '59.4 %'], ['Legal']),
  p('superlative', 'which team has the best accuracy', ['Legal', '92.8 %'], ['Sales Ops']),
  // (sessions and tasks are counted: Finance and Procurement abandoned 17 each; the rate is asked as a rate)
  p('superlative', 'which team abandons the most AI sessions', ['Finance and Procurement', '17 each'], ['13.8 %']),
  p('superlative', 'which team has the highest abandonment rate', ['Procurement', '13.8 %'], ['Finance']),
  p('superlative', 'which task type gets abandoned most', ['vendor_onboarding'], ['data_entry']),
  p('superlative', 'top two teams by hours saved', ['Engineering', 'Finance'], ['Legal']),

  // Comparisons
  p('comparison', "what is HR's adoption versus last week?", ['37.4 %', '31.1 %']),
  p('comparison', 'HR adoption vs last week', ['37.4 %', '31.1 %']),
  p('comparison', "how does Finance's usage compare to the previous week", ['55.6 %', '54.5 %']),
  p('comparison', 'is adoption higher than last week?', ['Yes', '47.3 %', '46.4 %']),
  p('comparison', 'is Procurement using AI less than last week', ['Yes', '33.6 %', '55.6 %']),
  p('comparison', 'Legal adoption this week compared to last week', ['27.1 %', '26.0 %']),
  p('comparison', 'compare Finance and HR adoption', ['55.6 %', '37.4 %']),
  p('comparison', 'Engineering vs Sales Ops uptake', ['72.8 %', '60.9 %']),
  p('comparison', 'how does Legal compare to Finance on adoption', ['27.1 %', '55.6 %']),
  p('comparison', 'is ASI better than last month?', ['No', '84.6 %', '89.7 %']),
  p('comparison', 'Sales Ops accuracy compared to last month', ['59.4 %', '90.3 %']),
  p('comparison', 'hours saved this week versus last week', ['336.9', '337.9']),
  p('comparison', 'is Finance above the company average on adoption', ['Yes', '55.6 %', '47.3 %']),
  p('comparison', 'change in adoption from last week', ['+0.9 pts']),

  // Trends: the change over the weeks or months, not one week's delta
  p('trend', 'is uptake rising?', ['34.6 %', '47.3 %', '2026-W40', '2026-W47']),
  p('trend', 'is adoption growing', ['34.6 %', '47.3 %']),
  p('trend', 'how has adoption changed over time', ['34.6 %', '47.3 %']),
  p('trend', 'adoption trend', ['34.6 %', '47.3 %']),
  p('trend', 'is usage going up or down', ['34.6 %', '47.3 %']),
  p('trend', 'adoption since W44', ['41.9 %', '47.3 %']),
  p('trend', "how has Finance's adoption developed since W44", ['49.3 %', '55.6 %']),
  p('trend', 'is quality slipping for HR?', ['88.5 %', '88.9 %']),
  p('trend', 'is accuracy getting worse for Sales Ops', ['90.3 %', '59.4 %']),
  p('trend', 'Procurement adoption over the last 4 weeks', ['50.2 %', '33.6 %']),
  p('trend', "is Legal's usage improving", ['15.8 %', '27.1 %']),
  p('trend', 'hours saved over time', ['247.9', '336.9']),
  p('trend', 'abandonment trend', ['8.6 %', '8.3 %']),
  p('trend', 'which teams grew the most since W40', ['Engineering'], ['Procurement']),
  p('trend', 'which team is slipping', ['Procurement'], ['Engineering']),
  p('trend', "which teams' adoption fell over the last eight weeks", ['Procurement'], ['Finance']),
  p('trend', 'weekly adoption for HR', ['23.8 %', '37.4 %']),
  p('trend', 'hours saved per week', ['247.9', '336.9']),
  p('trend', 'is Procurement getting worse', ['41.6 %', '33.6 %']),

  // Two weeks side by side: the two values and the change, never the weeks between added up or pooled
  p('two weeks', 'adoption in W45 vs W44', ['41.9 %', '44.1 %', '+2.2 pts'], ['43.0 %']),
  p('two weeks', 'compare adoption in W45 and W44', ['41.9 %', '44.1 %', '+2.2 pts']),
  p('two weeks', 'hours saved W44 versus W40', ['247.9 h', '307.2 h', '+59.3 h'], ['555.1']),
  p('two weeks', "Procurement's adoption in 2026-W46 compared with 2026-W47", ['55.6 %', '33.6 %', '-22.0 pts']),
  p('two weeks', 'which teams improved the most W44 vs W46', ['Procurement (+5.4 pts)']),
  p('two weeks', 'was adoption higher in W46 or W47', ['46.4 %', '47.3 %', '+0.9 pts']),
  p('two weeks', 'total hours saved in W44 and W45', ['628.9 h taken together', '2026-W44 and 2026-W45'], ['from 2026-W44 to']),
  p('two weeks', 'AI tasks in W40 and W47 combined', ['1,760'], ['from 2026-W40 to']),

  // Thresholds
  p('threshold', 'which teams are under 40% adoption', ['Legal', 'Procurement', 'HR'], ['Finance']),
  p('threshold', 'teams with usage above 60 percent', ['Engineering', 'Sales Ops'], ['Finance']),
  p('threshold', 'which teams dropped more than ten points', ['Procurement', '-22.0 pts'], ['Finance']),
  p('threshold', 'any team with adoption below forty percent?', ['Legal', 'Procurement', 'HR'], ['Finance']),
  p('threshold', 'which task types have adoption under 40%', ['contract_review', 'vendor_onboarding'], ['data_entry']),
  p('threshold', 'which teams gained more than 3 points last week', ['Engineering', 'HR'], ['Finance', 'Sales Ops', 'Legal']),
  p('threshold', 'which teams saved more than 60 hours last week', ['Engineering', 'Finance'], ['Legal']),
  p('threshold', 'which teams have ASI below 85%', ['Sales Ops'], ['Procurement']),
  p('threshold', 'teams with abandonment above 10%', ['Legal', 'Procurement'], ['Finance']),
  p('threshold', "is Finance's adoption over 50%", ['Yes', '55.6 %']),
  p('threshold', 'is HR adoption above 50 percent', ['No', '37.4 %']),
  p('threshold', 'which task types fell by more than 15 points', ['invoice_matching'], ['contract_review', 'vendor_onboarding']),
  p('threshold', 'which teams fell more than a dozen points', ['Procurement'], ['Finance']),
  p('threshold', 'which teams grew by more than five points since W44', ['Engineering', 'Finance', 'HR', 'Legal', 'Sales Ops'], ['Procurement']),
  p('threshold', 'which users log less than 70% of their AI tasks', ['u007', 'u017']),

  // Counts of people
  p('people', 'how many users touched the tool this week?', ['59', '65']),
  p('people', 'how many people used AI last week', ['59']),
  p('people', 'how many people in Finance used the AI', ['9']),
  p('people', 'number of active users', ['59']),
  p('people', 'how many licensed users do we have', ['65']),
  p('people', 'how many HR employees used AI in W47', ['11', '13']),
  p('people', 'how many teams have adoption above 50%', ['3']),
  p('people', 'how many teams dipped last week', ['1']),

  // Shares
  p('share', "what percentage of Finance's tasks went through AI?", ['55.6 %']),
  p('share', "what share of HR's work is done with AI", ['37.4 %']),
  p('share', 'what fraction of Legal tasks use the AI', ['27.1 %']),
  p('share', 'percentage of contract review done with AI', ['25.3 %']),
  p('share', 'what proportion of tasks were done manually', ['52.7 %']),
  p('share', 'share of licensed users using AI in Legal', ['69.2 %']),
  p('share', 'what percent of budget reconciliation tasks used AI', ['60.8 %']),

  // Open summaries
  p('summary', "how's Legal getting on?", ['Legal', '27.1 %', '+1.2 pts', '51.5']),
  p('summary', 'how is Finance doing', ['Finance', '55.6 %', '+1.1 pts', '65.1']),
  p('summary', 'how is Procurement doing this week', ['33.6 %', '-22.0 pts']),
  p('summary', 'how are we doing', ['47.3 %', '+0.9 pts', '336.9']),
  p('summary', 'give me an overview of Sales Ops', ['60.9 %', '59.4 %']),
  p('summary', "what's going on with HR", ['37.4 %']),
  p('summary', 'status of engineering', ['72.8 %', '67.2']),
  p('summary', 'how is Finanse doing', ['55.6 %']),
  p('summary', 'summary for Procurement', ['33.6 %']),

  // Existence
  p('existence', 'did anyone have harmful outputs last week?', ['Yes', 'Legal'], ['Engineering']),
  p('existence', 'did any team dip more than 10 points', ['Yes', 'Procurement'], ['Finance']),
  p('existence', 'were there any data gaps this week', ['Legal', '2026-11-18']),
  p('existence', 'did any team save more than 60 hours', ['Yes', 'Engineering', 'Finance'], ['Legal']),
  p('existence', 'did anyone in HR use the AI tool last week?', ['Yes', '11']),
  p('existence', 'is any team below 35% adoption', ['Yes', 'Legal', 'Procurement'], ['HR']),
  p('existence', "did any team's accuracy drop since October", ['Sales Ops', 'Procurement'], ['Finance']),
  p('existence', 'did anyone fall below 80% logging coverage', ['u007', 'u017']),
  p('existence', 'are there any power users', ['u006', 'u018']),
  p('existence', 'did any alerts fire', ['9 alerts']),
  p('existence', 'did everyone use the AI this week', ['No', '90.8 %']),
  p('existence', 'did Legal have any data gaps', ['2026-11-18']),

  // Number words
  p('number-words', 'adoption over the last three weeks', ['46.0 %']),
  p('number-words', 'top two task types by adoption', ['meeting_summary', 'budget_reconciliation'], ['contract_review']),
  p('number-words', 'which teams have fewer than forty five percent of tasks done with AI', ['HR', 'Legal', 'Procurement'], ['Finance']),

  // Hours saved
  p('hours', 'how many hours did we save last week', ['336.9']),
  p('hours', 'time saved by Finance', ['65.1']),
  p('hours', 'total hours saved so far', ['2,417.0']),
  p('hours', 'how much time has the AI saved since W44', ['1,303.7']),
  p('hours', 'hours saved by Legal in October', ['226.6']),
  p('hours', 'how many hours did procurment save', ['39.3']),

  // Accuracy (ASI)
  p('accuracy', 'what is the accuracy this month', ['84.6 %']),
  p('accuracy', "what's the ASI for Finance", ['92.0 %']),
  p('accuracy', "quality of Procurement's AI answers in October", ['88.4 %']),
  p('accuracy', 'accuracy stability in October', ['89.7 %']),
  p('accuracy', 'ASI for Legal in September', ['94.1 %']),
  p('accuracy', 'acuracy for Sales Ops', ['59.4 %']),
  p('accuracy', "is HR's accuracy above 90%", ['No', '88.9 %']),

  // Harm
  p('harm', 'what is the harm rate', ['0.1 %']),
  p('harm', 'how many harmful outputs last week', ['0.1 %']),
  p('harm', 'harm rate for Legal', ['0.9 %']),
  p('harm', 'is the tool safe', ['0.1 %']),

  // Abandonment
  p('abandonment', 'what is the abandonment rate', ['8.3 %']),
  p('abandonment', 'how often do people give up on the AI in Legal', ['11.5 %']),

  // Logging coverage
  p('coverage', 'who are the logging blind spots', ['u007', 'u017']),
  p('coverage', 'logging coverage for Finance', ['94.5 %']),
  p('coverage', 'overall logging coverage', ['98.6 %']),

  // Gaps, alerts
  p('gaps-alerts', 'what alerts fired this week', ['9 alerts']),
  p('gaps-alerts', 'any warnings for Sales Ops', ['2 alerts']),
  p('gaps-alerts', 'were there any missing exports', ['Legal', '2026-11-18']),

  // Power users
  p('power-users', 'who is the heaviest AI user?', ['u006', '67'], ['u018']),
  p('power-users', 'who uses the AI the most', ['u006'], ['u018']),
  p('power-users', 'power users this week', ['u006', 'u018']),
  p('power-users', 'top users by AI tasks', ['u006']),

  // Manual baselines
  p('baseline', 'how long does contract review take manually', ['77.0']),
  p('baseline', 'manual baseline for invoice matching', ['27.5']),
  p('baseline', 'what is the baseline for email triage', ['13.0']),

  // User adoption
  p('user-adoption', 'user adoption for Finance', ['100.0 %']),
  p('user-adoption', 'what share of licensed users used AI', ['90.8 %']),
  p('user-adoption', 'user-weighted adoption overall', ['47.2 %']),

  // A second pass, written after the grammar changes as a held-out check (19 of its 25 were right at first)
  p('people', 'how many tasks went through AI last week', ['1,009']),
  p('share', 'what percentage of HR staff used AI', ['84.6 %']),
  p('comparison', 'did Legal save more hours than last week', ['No', '51.5', '62.0']),
  p('comparison', 'is uptake in Finance better than last week', ['Yes', '55.6 %', '54.5 %']),
  p('threshold', 'which teams beat the average on hours saved', ['Engineering', 'Finance'], ['HR', 'Sales Ops', 'Legal']),
  p('threshold', 'which teams use AI less than half the time', ['Procurement', 'Legal', 'HR'], ['Finance']),
  p('trend', 'is Sales Ops slipping on quality', ['90.3 %', '59.4 %']),
  p('trend', 'which team is falling behind', ['Procurement'], ['Engineering']),
  p('summary', 'how are things in legal', ['27.1 %', '51.5']),
  p('existence', 'is anybody using it in HR', ['Yes', '11']),
  p('power-users', 'who are our biggest users', ['u006']),
  // A third pass over the other KPIs (14 of 19 right at first)
  p('gaps-alerts', 'were any days missing for Legal', ['2026-11-18']),
  p('gaps-alerts', 'any red flags for Procurement?', ['Procurement', '22.0']),
  p('baseline', 'which task type takes longest by hand', ['contract_review', '77.0']),
  p('existence', 'is our harm rate under 1%', ['Yes', '0.1 %'], ['Engineering']),
  p('hours', 'how much time have we saved in total', ['2,417.0']),
  p('accuracy', 'has accuracy improved since September', ['No', '90.8 %', '84.6 %']),
  p('share', 'percentage of HR tasks done manually', ['62.6 %']),

  // People: activation, retention, usage tiers, idle seats (issue #24)
  p('idle-seats', 'how many idle seats does Legal have?', ['4', 'Legal'], ['Finance']),
  p('idle-seats', 'are we paying for seats nobody uses?', ['6']),
  p('idle-seats', 'how many unused licences are there in Finance', ['0', 'Finance']),
  p('retention', 'are new users sticking with it?', ['100.0 %', '2026-09']),
  p('retention', 'do people keep using it after their first month', ['100.0 %']),
  p('new-users', 'how many new users this week?', ['1', '2026-W47']),
  p('new-users', 'how many people used AI for the first time in W47', ['1']),
  p('tiers', 'how many heavy users does Engineering have?', ['7', 'Engineering']),
  p('tiers', 'which team has the most heavy users', ['Engineering', '7'], ['Finance']),
  p('lapsed', 'how many people stopped using it?', ['2']),
  p('lapsed', 'how many lapsed users in Sales Ops', ['0', 'Sales Ops']),

  // Probe 2: people counted over a month are not averaged into fractions of a person
  p('new-users', 'how many new users activated this month', ['1', '2026-11'], ['0.3']),
  p('people', 'how many active users in November', ['On average 58.3 users a week'], ['58.3 users had']),

  // Probe 2: a superlative against last week ranks the teams' changes
  p('superlative', 'which team improved the most vs last week', ['Engineering', '+8.2'], ['Procurement', 'all teams']),
  p('superlative', 'which team dropped the most compared to last week', ['Procurement', '-22.0'], ['Engineering']),

  // Probe 2: a threshold counted in people is about users with an AI task, not a percentage
  p('threshold', 'which team has more than nine users using AI', ['HR', '11'], ['Engineering', 'Legal']),
  p('threshold', 'which teams had fewer than 10 people using the tool last week', ['Engineering', 'Legal', '9'], ['HR (']),

  // Probe 2: an open question about a task type summarises that task type, not all teams
  p('summary', 'how is contract review doing?', ['contract_review', '25.3 %', '-4.2 pts'], ['47.3 %']),
  p('summary', 'how are things with invoice matching', ['invoice_matching', '45.5 %', '-16.7 pts'], ['47.3 %']),

  // Probe 2: "how many harmful …" counts the harmful tasks
  p('harm', 'how many harmful tasks were there last week', ['1 harmful AI task'], ['8 task types']),
  p('harm', 'how many harmful outputs did Legal have', ['1 harmful AI task', 'Legal']),
  // "how many … abandoned" counts the abandoned AI tasks (truth.json: all 8.3 % = 96 / 1158, Procurement 13.8 % = 17 / 123)
  p('abandonment', 'how many tasks were abandoned last week', ['96 abandoned AI tasks', '1,158 AI tasks of any status'], ['8.3 % of 1,009']),
  p('abandonment', 'how many AI sessions did Procurement abandon', ['Procurement had 17 abandoned AI tasks', '123']),
  // "by team" after "tasks" groups the count (abandoned W47: Finance 17 of 186, Procurement 17 of 123, ..., HR 13)
  p('harm', 'how many harmful tasks by team', ['Harmful AI tasks by team', 'highest Legal (1)']),
  p('abandonment', 'how many abandoned tasks by team', ['Abandoned AI tasks by team', 'lowest HR (13)']),
  // "which week …" ranks the weeks (trend: all 34.6 % W40 -> 47.3 % W47; hours W46 337.9 h, W47 336.9 h; Procurement W47 33.6 %)
  p('superlative', 'which week had the highest adoption', ['2026-W47 had the highest adoption rate', '47.3 %'], ['Engineering']),
  p('superlative', 'what was the best week for hours saved', ['2026-W46', '337.9 h'], ['Engineering']),
  p('superlative', 'which week was worst for Procurement adoption', ['2026-W47', '33.6 %']),
  // "which month" over a weekly table: the weeks of each month taken together (October W40..W44 1420.4 h, as "hours saved in October")
  p('superlative', 'which month had the most hours saved', ['2026-10 (weeks 2026-W40 to 2026-W44)', '1,420.4 h'], ['2026-W46']),
  p('superlative', 'which month had the highest adoption', ['2026-11 (weeks 2026-W45 to 2026-W47)', '46.0 %']),
  p('threshold', 'which weeks had adoption above 44%', ['3 weeks', '2026-W45 (44.1 %)'], ['Engineering', '2026-W44 (']),
  // "a week earlier" is the week before the report week (Legal W46 26.0 %), never the report week itself (27.1 %)
  p('comparison', "what was Legal's adoption a week earlier", ['26.0 %', '2026-W46'], ['27.1 %']),
  refused('adoption two weeks earlier', ['47.3 %']),
  // (was answered as the count of AI users above 10: HR (11), another metric than the adoption asked for)
  refused('what is the adoption rate for teams with more than 10 users', ['HR (11)']),

  // Probe 2: "more than N times" is a person's AI tasks in the week (listed from the power-user cut-off, 25, up)
  p('existence', 'did anyone in Engineering use it more than 25 times', ['Yes', 'u006', 'u018'], ['No:', 'yes:']),
  p('existence', 'did anybody use AI more than 30 times last week', ['Yes', 'u006 (67'], ['u018', 'No:']),

  // Probe 2: two teams and no metric compare their adoption; "how many users" alone counts people
  p('comparison', 'how does Finance compare with HR', ['Finance', '55.6 %', 'HR', '37.4 %']),
  p('comparison', 'Legal vs Procurement?', ['Legal', '27.1 %', 'Procurement', '33.6 %']),
  p('people', 'how many users does Procurement have', ['9', 'Procurement']),
  p('people', 'how many people are in Legal', ['13', 'Legal']),

  // Probe 2: a negated use counts the licensed people without an AI task
  p('people', "how many people didn't use it at all", ['6'], ['59']),
  p('people', 'how many licensed users did not use AI last week', ['6'], ['59']),

  // Probe 2: a share of heavy users is the usage tiers' heavy share, not the power-user list
  p('tiers', 'what share of people are heavy users', ['20.0 %'], ['u006']),
  p('tiers', 'what percentage of Engineering are heavy users', ['77.8 %', 'Engineering']),

  // Probe hB: the running total named after "hours saved" ("to date", "in total") is the running total, not the week's
  p('hours', 'total hours saved to date', ['2,417.0'], ['336.9']),
  p('hours', 'hours saved to date for Finance', ['440.5', 'Finance'], ['65.1']),
  // Probe hB: a severity asked for lists only those alerts
  p('alerts', 'show me only the high severity alerts', ['2 high alerts', 'Procurement', 'Sales Ops'], ['Legal', 'medium']),
  p('alerts', 'any medium alerts for Legal', ['2 medium alerts for Legal'], ['high']),
  // Probe hB: "vs the week before" compares with the week before, not the report week alone
  p('comparison', 'hours saved in Legal last week vs the week before', ['51.5 h', '62.0 h']),
  p('alerts', 'were there critical alerts last week', ['No critical alerts in 2026-W47'], ['9 alerts']),
  // Probe hB: a team written in lower case where a name stands ("for hr", "and hr") is that team, never dropped
  p('adoption', 'adoption for hr', ['HR', '37.4 %'], ['47.3 %']),
  p('comparison', 'adoption for finance and hr last 4 weeks', ['Finance 52.6 %', 'HR 30.6 %']),
  // Probe hB: "go up or down" asks for the change, not the level
  p('change', 'did adoption go up or down for HR', ['+6.3 pts']),
  p('change', 'has adoption gone down for Procurement', ['Yes', '-22.0 pts']),
  // Probe hB: a change word on another rate compares it with the period before, not its level alone
  p('change', 'did Sales Ops accuracy drop', ['Yes', '59.4 %', '90.3 %']),
  p('change', 'did abandonment rise for Legal', ['Yes', '11.5 %', '8.8 %']),
  p('change', 'has harm rate gone up', ['No', '0.1 %', '0.3 %']),
  // Probe hB: "how many AI tasks were harmful" counts the harmful ones; "in total" alone is no hours
  p('harm', 'how many AI tasks were harmful', ['1 harmful AI task'], ['completed 1,009']),
  p('adoption', 'adoption in total', ['47.3 %'], ['2,417']),
  // Probe hB: a share of idle seats is the idle share, not the share of seats in use
  p('idle-seats', 'what percentage of seats are idle', ['9.2 %'], ['90.8 %']),

  // Not answerable from the report: three suggestions, and no plain word taken for a team
  refused("what's the weather in Paris"),
  refused('did anyone get promoted', ['"anyone"']),
  refused('how many coffees did everyone drink', ['"everyone"']),
  refused('what is the revenue of the tool', ['"tool"']),
  refused('what is the stock price'),
  refused('does anyone in Marketing use it', ['"anyone"', '"it"']),
  // Probe 2: a weekday is a time the tables cannot split by, not an unknown team
  refused('did anyone use it on Sunday', ['team or task type called']),
  refused('how many tasks were done with AI on Mondays', ['team or task type called', '1,009']),
  // Probe hB: words no rule reads that change the question are refused, not dropped
  refused('how many AI tasks failed', ['1,009']),
  refused('adoption for Finance but not HR', ['37.4 %']),
  refused('adoption for Finance, not HR', ['37.4 %']),
  refused('hr adoption', ['47.3 %']),
  // Probe hB: two measures in one question are two questions; "in total" without hours names no metric
  refused('hours saved and harm rate for Legal', ['51.5']),
  refused('ai tasks vs manual tasks for HR', ['271']),
  refused('compare adoption and ASI for HR', ['37.4 %']),
  // Probe hB: a second month, or "the first week", is refused, never dropped for one month or the report week
  refused('ASI for Procurement in October vs November', ['88.4 %']),
  refused('adoption in October vs November', ['38.4 %']),
  refused('adoption in the first week', ['47.3 %']),
  // Probe hB: a measure per person the tables do not hold is refused, not answered for all teams
  refused('how many hours did each person save', ['336.9']),
  refused('which users saved the most time', ['336.9', 'Engineering']),
  // Probe hB: per-team task counts (AI + manual, the adoption denominator), ranked by count when tasks are counted
  p('tasks', 'how many tasks did Finance do', ['284', '158 with AI', '126 manually'], ['Engineering']),
  p('tasks', 'how many tasks in total', ['2,131', '1,009 with AI', '1,122 manually'], ['cumulative']),
  p('tasks', 'number of tasks for HR in October', ['2,188', '571 with AI', '1,617 manually', '2026-10']),
  p('tasks', 'which team did the most tasks', ['HR', '433'], ['Engineering']),
  p('tasks', 'how many tasks did Internal Audit do', ['suppressed (fewer than 5 users)']),
  p('tasks', 'which team abandoned the most tasks', ['Finance and Procurement', '17 each'], ['13.8 %']),
  p('tasks', 'which teams abandoned more than 15 tasks', ['more than 15 abandoned AI tasks', 'Sales Ops (16)'], ['1,500']),
  // "log" as the verb of a count is a count of tasks, not the logging coverage (which "how many" cannot count)
  p('tasks', 'how many tasks did Finance log last week', ['284', '158 with AI', '126 manually'], ['coverage']),
  p('tasks', 'how many manual tasks were logged by HR', ['271 manual tasks'], ['coverage']),
  p('coverage', 'which users logged less than 80% of their AI tasks', ['u007 (62.9 %)', 'u017 (68.0 %)']),
  // users counted per team, and teams ranked by them ("users" alone: people with an AI task, the licensed beside them)
  p('users', 'how many users does each team have', ['by team', 'highest HR (11)'], ['59 users']),
  p('users', 'how many people per team', ['by team', 'highest HR (11)'], ['59 users']),
  p('users', 'which team has the most users', ['HR', '11'], ['Engineering']),
  // a median asked as a median, in the answer's own words, or as "how long before people start": the days to a first
  // AI task (46.5, HR's one new AI user), not the manual baseline
  p('activation', 'median days to first AI task', ['46.5'], ['baseline']),
  p('activation', 'median days from licence to first AI task', ['46.5'], ['baseline']),
  p('activation', 'how long before people start using it', ['46.5'], ['baseline', '61.0 min']),
  p('baseline', 'what is the median manual baseline for data entry', ['21.5 min']),
  // a bound is a range from the first week ("before W45" was answered with W45 itself, "before October" with October)
  p('adoption', 'adoption before W45', ['2026-W40 to 2026-W44', '38.4 %'], ['44.1 %']),
  p('adoption', 'what was adoption after W44', ['2026-W45 to 2026-W47', '46.0 %'], ['41.9 %']),
  p('adoption', 'adoption the week before W45', ['2026-W44', '41.9 %'], ['2026-W40']),
  refused('harm rate before October', ['2026-10']),
  // Probe hB: a team summary, however it is asked for
  p('summary', 'tell me about Procurement', ['33.6 %', '-22.0 pts', '39.3 hours saved', 'harm rate 0.0 %']),
  p('summary', 'what about Sales Ops', ['60.9 %', '50.4 hours saved']),
  p('summary', 'tell me about Internal Audit', ['suppressed (fewer than 5 users)']),
  // a breakdown ("per task type", "by user", "by team") the answer would not give is refused, never dropped for the
  // all-teams figure ("how many users per task type" was answered "59 users"); "licenced users by team" is by team
  refused('how many users per task type', ['59 users']),
  refused('adoption by user', ['47.3 %']),
  refused('power users by team', ['72.8 %', 'Engineering']),
  refused('summary by team', ['336.9']),
  refused('alerts by task type', ['9 alerts']),
  refused('blind spots by task type', ['u007']),
  refused('which team takes longest manually', ['contract_review']),
  p('users', 'licenced users by team', ['Licensed users by team', 'highest HR and Legal (13 each)'], ['65 licensed']),
  // a time or event no table holds ("before the drop", "when") is refused and named, never answered as the report week
  refused('how did Legal do before the drop', ['27.1 %']),
  refused('adoption after the launch', ['47.3 %']),
  refused('hours saved since the reorg', ['336.9']),
  refused('when did adoption drop', ['+0.9 pts']),
  refused('how did Legal do in the dip', ['27.1 %']),
  refused('adoption among managers', ['47.3 %']),
  // a top N whose last place is tied names every team holding it and says so (user adoption W47: Engineering, Finance,
  // Procurement and Sales Ops 100.0 %; AI users: HR 11, five teams 9)
  p('users', 'top 2 teams by user adoption', ['Sales Ops (100.0 %)', '4 teams tie for first, so 4 are shown']),
  p('users', 'top 4 teams by users', ['HR (11)', 'Sales Ops (9)', '5 teams tie for second, so 6 are shown']),
  // the mean over the weeks in range of the weekly count (W40..W47: 17080 tasks)
  p('tasks', 'average tasks per week', ['2,135 a week on average', 'the total of 17,080 over 8 weeks']),
];

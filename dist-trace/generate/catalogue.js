// The synthetic organisation: teams, zones, task types and the planted story's numbers.
export const TEAMS = ['Finance', 'Procurement', 'Sales Ops', 'Legal', 'HR', 'Engineering'];
/**
 * The planted story's defaults (each an option of `uptake generate`): users added on top of `--users`
 * for the people KPIs, harmful outputs, blind spots and the gap.
 */
export const STORY_DEFAULTS = {
    /** Licensed users of `IDLE_SEAT_TEAM` who never use the AI tool (they work manually). */
    idleSeats: 4,
    /** Users of `LATE_STARTER_TEAM` whose first AI task comes weeks after their licence; the first one starts in the last week. */
    lateStarters: 2,
    /** Users of `LAPSED_TEAM` who use the AI tool, then stop more than four weeks before the end. */
    lapsed: 2,
    /** Users of `SMALL_TEAM`, a team below the default privacy threshold (5); 0 for none. */
    smallTeam: 3,
    /** Completed AI tasks made harmful in every week. */
    harmfulPerWeek: 1,
    /** Licensed users whose roster counts AI tasks the logs miss (logging coverage below 0.8). */
    blindSpots: 2,
    /** Whether one team's AI tasks of one busy weekday of the last week go unlogged (a gap). */
    gap: true,
};
/** The team below the privacy threshold; it behaves like Finance. */
export const SMALL_TEAM = 'Internal Audit';
/** Base-team indexes the people story's users join (taken modulo `--teams`): Legal, HR, HR. */
export const IDLE_SEAT_TEAM = 3;
export const LATE_STARTER_TEAM = 4;
export const LAPSED_TEAM = 4;
/** Blind spots, in order: [base team, member number]; past six, the list again three members further. */
export const BLIND_SPOT_SLOTS = [['Finance', 1], ['HR', 2], ['Legal', 1], ['Sales Ops', 2], ['Procurement', 1], ['Engineering', 2]];
/** Regions that name the extra teams of a larger organisation (`--teams` above 6): "Finance EMEA". */
const REGIONS = ['EMEA', 'APAC', 'Americas', 'Nordics'];
/** Most teams `--teams` can name. */
export const MAX_TEAMS = TEAMS.length * (REGIONS.length + 1);
/**
 * The name of team number `index`: the six base teams, then each again per region. An extra team
 * behaves like its base team (task mix, adoption plan, accuracy); the planted story stays with the base six.
 * @example simulatedTeamName(7) // 'Procurement EMEA'
 */
export function simulatedTeamName(index) {
    const base = TEAMS[index % TEAMS.length];
    return index < TEAMS.length ? base : `${base} ${REGIONS[Math.floor(index / TEAMS.length) - 1]}`;
}
/** The base team whose profile a (possibly regional) team follows. */
export function baseTeamOf(team) {
    return TEAMS.find((base) => team === base || team.startsWith(`${base} `)) ?? TEAMS[0];
}
/** Zones chosen so the range crosses the EU (Oct 25) and US (Nov 1) DST changes of 2026, and Sydney's (Oct 4). */
export const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'];
/**
 * Canonical task types with the typical manual minutes and an abbreviation whose tokens are
 * prefixes of the canonical tokens. No canonical label abbreviates another one.
 */
export const TASK_TYPES = {
    budget_reconciliation: { manualMinutes: 55, abbreviation: 'budget_recon', prompt: 'Reconcile the budget for cost centre {n} against the ledger' },
    invoice_matching: { manualMinutes: 25, abbreviation: 'inv_matching', prompt: 'Match invoice INV-{n} to its purchase order' },
    contract_review: { manualMinutes: 70, abbreviation: 'contract_rev', prompt: 'Review the indemnity clause of agreement AGR-{n}' },
    report_drafting: { manualMinutes: 50, abbreviation: 'report_draft', prompt: 'Draft the weekly status report for project P-{n}' },
    data_entry: { manualMinutes: 20, abbreviation: 'data_ent', prompt: 'Enter the supplier records of intake form F-{n}' },
    email_triage: { manualMinutes: 12, abbreviation: 'email_tri', prompt: 'Triage the shared inbox thread T-{n} and flag urgent items' },
    vendor_onboarding: { manualMinutes: 40, abbreviation: 'vendor_onb', prompt: 'Prepare the onboarding checklist for vendor V-{n}' },
    meeting_summary: { manualMinutes: 18, abbreviation: 'meeting_sum', prompt: 'Summarise the notes of meeting M-{n}' },
};
/** Which task types each team does, with weights. */
export const TEAM_TASK_MIX = {
    Finance: [['budget_reconciliation', 4], ['invoice_matching', 3], ['report_drafting', 2], ['data_entry', 2], ['email_triage', 1]],
    Procurement: [['vendor_onboarding', 4], ['invoice_matching', 3], ['contract_review', 2], ['data_entry', 2], ['email_triage', 1]],
    'Sales Ops': [['report_drafting', 3], ['data_entry', 3], ['email_triage', 3], ['meeting_summary', 3]],
    Legal: [['contract_review', 5], ['report_drafting', 2], ['email_triage', 2], ['meeting_summary', 1]],
    HR: [['email_triage', 3], ['meeting_summary', 3], ['data_entry', 2], ['report_drafting', 2], ['vendor_onboarding', 1]],
    Engineering: [['meeting_summary', 3], ['report_drafting', 2], ['email_triage', 2], ['data_entry', 1]],
};
/** Share of a licensed user's tasks done with the AI tool: first week -> week before last. */
export const ADOPTION_PLAN = {
    Finance: [0.45, 0.62],
    Procurement: [0.5, 0.64],
    'Sales Ops': [0.55, 0.68],
    Legal: [0.3, 0.44],
    HR: [0.35, 0.5],
    Engineering: [0.6, 0.76],
};
/** Last-week changes to the plan: Procurement dips; Legal's share rises to offset its unlogged gap day. */
export const LAST_WEEK_ADOPTION_CHANGE = { Procurement: -0.24, Legal: 0.08 };
/** Chance that a completed AI task's accuracy is on target (>= 0.9), per team. */
export const ON_TARGET_SHARE = {
    Finance: 0.9,
    Procurement: 0.88,
    'Sales Ops': 0.9,
    Legal: 0.92,
    HR: 0.89,
    Engineering: 0.91,
};
/** Sales Ops' accuracy falls over the last three weeks (the month of the report week). */
export const SALES_OPS_LAST_WEEKS_ON_TARGET = [0.72, 0.6, 0.45];
export const HOSTILE_PROMPTS = [
    'Compare "Q3" and "Q4" spend, then list: risks, owners, dates',
    'Summarise this thread:\nline one of the customer mail\nline two, with a "quote"',
    '<script>alert(1)</script> please clean up this table',
    '=HYPERLINK("http://evil.example/x","click me")',
    'Zusammenfassung für Müller – 会议纪要 📈 مرحبا',
    '+SUM(A1:A9) and @mention the owner',
    'He said ""no"", she said, "yes"',
];
export const STATUS_WORDS = {
    completed: [['completed', 70], ['success', 10], ['done', 8], ['complete', 5], ['Completed', 4], ['SUCCESS', 3]],
    abandoned: [['abandoned', 50], ['cancelled', 20], ['canceled', 10], ['timeout', 15], ['Abandoned', 5]],
    error: [['error', 60], ['failed', 25], ['failure', 10], ['ERROR', 5]],
};
export const TRUE_WORDS = ['true', 'yes', '1', 'TRUE', 'Y'];
export const FALSE_WORDS = ['false', 'no', '0', 'FALSE', 'n'];
export const CLIENT_OS = ['macOS 15.1', 'Windows 11', 'Ubuntu 24.04', 'iPadOS 18'];
export const TOOL_VERSIONS = ['2.3.0', '2.3.1', '2.4.0'];
//# sourceMappingURL=catalogue.js.map
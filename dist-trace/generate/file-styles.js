// Each weekly file speaks its own dialect (schema drift): header spelling, column order, how the end
// of a task is given, accuracy as a fraction or a percent, BOM, CRLF, gzip.
export const AI_STYLES = [
    {
        name: 'canonical snake_case, ended_at',
        columns: [['event_id', 'id'], ['user_id', 'user'], ['team', 'team'], ['task_type', 'type'], ['started_at', 'start'], ['ended_at', 'end'],
            ['status', 'status'], ['accuracy', 'accuracy'], ['harmful', 'harmful'], ['prompt', 'prompt'], ['tool_version', 'tool_version']],
        crlf: false,
        bom: false,
    },
    {
        name: 'Title Case words, BOM, CRLF',
        columns: [['Event ID', 'id'], ['User ID', 'user'], ['Department', 'team'], ['Task Type', 'type'], ['Start Time', 'start'], ['End Time', 'end'],
            ['Status', 'status'], ['Accuracy Score', 'accuracy'], ['Is Harmful', 'harmful'], ['Prompt Text', 'prompt'], ['Tool Version', 'tool_version']],
        crlf: true,
        bom: true,
    },
    {
        name: 'camelCase, duration_ms, accuracy_pct, drift column clientOs',
        columns: [['eventId', 'id'], ['userId', 'user'], ['team', 'team'], ['taskType', 'type'], ['startedAt', 'start'], ['durationMs', 'duration_ms'],
            ['outcome', 'status'], ['accuracyPct', 'accuracy_pct'], ['harmFlag', 'harmful'], ['prompt', 'prompt'], ['toolVersion', 'tool_version'], ['clientOs', 'client_os']],
        crlf: false,
        bom: false,
    },
    {
        name: 'kebab-case, no team column, end and duration_s, tz column',
        columns: [['log-id', 'id'], ['uid', 'user'], ['task-type', 'type'], ['start-ts', 'start'], ['end-ts', 'end'], ['duration-s', 'duration_s'],
            ['state', 'status'], ['accuracy', 'accuracy'], ['harmful', 'harmful'], ['query', 'prompt'], ['tz', 'tz']],
        crlf: false,
        bom: false,
    },
    {
        name: 'short aliases in another order, duration_min, accuracy_pct, drift column client_os',
        columns: [['user', 'user'], ['id', 'id'], ['timestamp', 'start'], ['task', 'type'], ['dept', 'team'], ['duration_min', 'duration_min'],
            ['status', 'status'], ['accuracy_pct', 'accuracy_pct'], ['is_harmful', 'harmful'], ['prompt_text', 'prompt'], ['client_os', 'client_os']],
        crlf: false,
        bom: false,
    },
];
export const MANUAL_STYLES = [
    {
        name: 'canonical, ended_at',
        columns: [['task_id', 'id'], ['user_id', 'user'], ['team', 'team'], ['task_type', 'type'], ['started_at', 'start'], ['ended_at', 'end']],
        crlf: false,
        bom: false,
    },
    {
        name: 'Title Case aliases, duration in minutes',
        columns: [['Ticket ID', 'id'], ['User', 'user'], ['Dept', 'team'], ['Task Name', 'type'], ['Start Time', 'start'], ['Duration Minutes', 'duration_min']],
        crlf: true,
        bom: false,
    },
    {
        name: 'camelCase, duration in seconds, drift column sourceSystem',
        columns: [['id', 'id'], ['userId', 'user'], ['team', 'team'], ['taskType', 'type'], ['startTs', 'start'], ['durationSec', 'duration_s'], ['sourceSystem', 'source_system']],
        crlf: false,
        bom: false,
    },
];
export const ROSTER_STYLES = [
    {
        name: 'canonical',
        columns: [['user_id', 'user'], ['team', 'team'], ['month', 'month'], ['timezone', 'timezone'], ['licensed', 'licensed'], ['tasks_total', 'tasks_total'], ['ai_tasks_total', 'ai_tasks_total']],
        crlf: false,
        bom: false,
        trueWord: 'true',
        falseWord: 'false',
    },
    {
        name: 'Title Case, yes/no',
        columns: [['User ID', 'user'], ['Team', 'team'], ['Month', 'month'], ['Time Zone', 'timezone'], ['Licensed', 'licensed'], ['Tasks Total', 'tasks_total'], ['AI Tasks Total', 'ai_tasks_total']],
        crlf: false,
        bom: true,
        trueWord: 'yes',
        falseWord: 'no',
    },
    {
        name: 'camelCase, 1/0',
        columns: [['userId', 'user'], ['team', 'team'], ['month', 'month'], ['tz', 'timezone'], ['licensed', 'licensed'], ['tasksTotal', 'tasks_total'], ['aiTasksTotal', 'ai_tasks_total']],
        crlf: false,
        bom: false,
        trueWord: '1',
        falseWord: '0',
    },
];
export const aiStyleOfWeek = (weekIndex) => AI_STYLES[weekIndex % AI_STYLES.length];
export const manualStyleOfWeek = (weekIndex) => MANUAL_STYLES[weekIndex % MANUAL_STYLES.length];
/** Weekly files whose index is 2 mod 3 are gzipped. */
export const isGzippedWeek = (weekIndex) => weekIndex % 3 === 2;
export const styleHas = (style, column) => style.columns.some(([, candidate]) => candidate === column);
//# sourceMappingURL=file-styles.js.map
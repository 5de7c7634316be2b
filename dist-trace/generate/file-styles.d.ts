export type AiColumn = 'id' | 'user' | 'team' | 'type' | 'start' | 'end' | 'duration_ms' | 'duration_s' | 'duration_min' | 'status' | 'accuracy' | 'accuracy_pct' | 'harmful' | 'prompt' | 'tool_version' | 'tz' | 'client_os';
export type ManualColumn = 'id' | 'user' | 'team' | 'type' | 'start' | 'end' | 'duration_s' | 'duration_min' | 'source_system';
export type RosterColumn = 'user' | 'team' | 'month' | 'timezone' | 'licensed' | 'tasks_total' | 'ai_tasks_total';
export interface FileStyle<Column extends string> {
    name: string;
    columns: Array<[header: string, column: Column]>;
    crlf: boolean;
    bom: boolean;
}
export declare const AI_STYLES: Array<FileStyle<AiColumn>>;
export declare const MANUAL_STYLES: Array<FileStyle<ManualColumn>>;
export declare const ROSTER_STYLES: Array<FileStyle<RosterColumn> & {
    trueWord: string;
    falseWord: string;
}>;
export declare const aiStyleOfWeek: (weekIndex: number) => FileStyle<AiColumn>;
export declare const manualStyleOfWeek: (weekIndex: number) => FileStyle<ManualColumn>;
/** Weekly files whose index is 2 mod 3 are gzipped. */
export declare const isGzippedWeek: (weekIndex: number) => boolean;
export declare const styleHas: <Column extends string>(style: FileStyle<Column>, column: Column) => boolean;

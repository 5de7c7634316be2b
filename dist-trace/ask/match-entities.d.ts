export type EntityKind = 'team' | 'task_type';
export interface Entity {
    kind: EntityKind;
    /** As the data spells it: roster team name or canonical task label. */
    name: string;
}
export interface EntityMatch extends Entity {
    /** Indices of the question words it used. */
    used: number[];
    /** 0 for an exact match; typos and abbreviations add to it. */
    distance: number;
}
/**
 * Finds the teams and task types a question names: case, spaces and underscores ignored, typos
 * within edit distance 2 (1 for short words), abbreviations ("procure", "budget recon"), words run
 * together ("salesops"). Reserved words (metric names, time words) only match exactly.
 * Overlapping candidates: the one covering more words wins, then the closer, then by name.
 * @example matchEntities(['finanse', 'hours'], [{ kind: 'team', name: 'Finance' }], new Set(['hours']))[0].name // 'Finance'
 */
export declare function matchEntities(words: string[], entities: Entity[], reserved: Set<string>): EntityMatch[];

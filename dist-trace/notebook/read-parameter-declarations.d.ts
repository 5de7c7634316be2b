/** What a parameter may hold, read from its TypeScript declaration (or its default's shape). */
export type ParameterType = {
    kind: 'string' | 'number' | 'boolean' | 'null' | 'any';
} | {
    kind: 'literal';
    value: string | number | boolean;
} | {
    kind: 'array';
    element: ParameterType;
} | {
    kind: 'tuple';
    elements: ParameterType[];
} | {
    kind: 'object';
    properties: Record<string, {
        type: ParameterType;
        optional: boolean;
    }>;
    index?: ParameterType;
} | {
    kind: 'union';
    members: ParameterType[];
};
export interface ParameterDeclaration {
    name: string;
    keyword: 'let' | 'const' | 'var';
    /** The annotation as written (`string`, `Array<number>`), or null when there is none. */
    typeText: string | null;
    type: ParameterType;
    /** The default's source text. */
    defaultText: string | null;
}
/**
 * Reads the `let/const name: type = value` declarations of a notebook's `parameters` cell.
 * @example (await readParameterDeclarations('let week: string = "latest";'))[0].type // { kind: 'string' }
 */
export declare function readParameterDeclarations(source: string): Promise<ParameterDeclaration[]>;
/** Shows a parameter type the way TypeScript writes it, for messages. */
export declare function describeParameterType(type: ParameterType): string;

/** Whether `name` can stand as a variable name in the injected cell. */
export declare function isParameterName(name: string): boolean;
/**
 * Renders a JSON value as a TypeScript literal.
 * @example toTypeScriptLiteral('"; process.exit(1); "') // '"\\"; process.exit(1); \\""'
 */
export declare function toTypeScriptLiteral(value: unknown, where?: string): string;
export interface InjectedParameter {
    name: string;
    value: unknown;
    keyword: 'let' | 'const' | 'var';
    /** The declared annotation to repeat, or null. */
    typeText: string | null;
}
/**
 * Writes the source of the `injected-parameters` cell: one declaration per parameter.
 * @example translateParameters([{ name: 'week', value: '2026-W47', keyword: 'let', typeText: 'string' }])
 * // '// Parameters\nlet week: string = "2026-W47";\n'
 */
export declare function translateParameters(parameters: InjectedParameter[]): string;

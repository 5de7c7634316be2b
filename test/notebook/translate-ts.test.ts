import { describe, expect, it } from 'vitest';
import { isParameterName, toTypeScriptLiteral, translateParameters } from '../../src/notebook/translate-ts.js';

describe('toTypeScriptLiteral', () => {
  it('keeps a hostile string a string', () => {
    expect(toTypeScriptLiteral('"; process.exit(1); "')).toBe('"\\"; process.exit(1); \\""');
    expect(toTypeScriptLiteral('`${process.exit(1)}`')).toBe('"`${process.exit(1)}`"');
    expect(toTypeScriptLiteral('a\nb\u2028c')).toBe('"a\\nb\\u2028c"');
  });

  it('writes numbers, booleans, null, arrays and objects', () => {
    expect(toTypeScriptLiteral(5)).toBe('5');
    expect(toTypeScriptLiteral(-0.25)).toBe('-0.25');
    expect(toTypeScriptLiteral(true)).toBe('true');
    expect(toTypeScriptLiteral(null)).toBe('null');
    expect(toTypeScriptLiteral(['a', 1, [false]])).toBe('["a", 1, [false]]');
    expect(toTypeScriptLiteral({ depth: 2, 'team name': 'Sales Ops', nested: {} })).toBe('{ depth: 2, "team name": "Sales Ops", nested: {} }');
  });

  it('defines a __proto__ field instead of setting the prototype', () => {
    // An object whose prototype was swapped is not JSON data at all.
    expect(() => toTypeScriptLiteral({ __proto__: { polluted: true } })).toThrow('expected a JSON value');
    const parsed = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const own = toTypeScriptLiteral(parsed);
    expect(own).toBe('{ ["__proto__"]: { polluted: true } }');
    const value = new Function(`return ${own}`)() as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => toTypeScriptLiteral(Number.NaN, 'parameter `n`')).toThrow('parameter `n`: expected a finite number, got NaN');
    expect(() => toTypeScriptLiteral(() => 1)).toThrow('expected a JSON value');
    expect(() => toTypeScriptLiteral(new Date(0))).toThrow('expected a JSON value');
  });
});

describe('translateParameters', () => {
  it('writes one declaration per parameter, repeating the declared type', () => {
    expect(
      translateParameters([
        { name: 'week', value: '2026-W47', keyword: 'let', typeText: 'string' },
        { name: 'limits', value: { depth: 2 }, keyword: 'const', typeText: '{ depth: number }' },
        { name: 'extra', value: [1], keyword: 'let', typeText: null },
      ]),
    ).toBe('// Parameters\nlet week: string = "2026-W47";\nconst limits: { depth: number } = { depth: 2 };\nlet extra = [1];\n');
  });

  it('refuses a name that is not an identifier', () => {
    expect(() => translateParameters([{ name: 'x = 1; process.exit(1); let y', value: 1, keyword: 'let', typeText: null }])).toThrow(
      'expected a parameter name made of letters, digits, _ and $ (not a reserved word), got `x = 1; process.exit(1); let y`',
    );
    expect(isParameterName('week')).toBe(true);
    expect(isParameterName('delete')).toBe(false);
    expect(isParameterName('2x')).toBe(false);
  });
});

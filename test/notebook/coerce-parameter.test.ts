import { describe, expect, it } from 'vitest';
import { readParameterDeclarations } from '../../src/notebook/read-parameter-declarations.js';
import { coerceParameter } from '../../src/notebook/coerce-parameter.js';
import { UptakeError } from '../../src/errors.js';

const CELL = `
type Mode = "fast" | "full";
let week: string = "latest";
let n: number = 1;
let flag: boolean = false;
let teams: string[] = [];
const options: { depth: number; label?: string } = { depth: 1 };
let mode: Mode = "fast";
let maybe: number | null = null;
let inferred = 3;
let pairs: Array<[string, number]> = [];
let anything: any = 1;
`;

async function typeOf(name: string) {
  const declaration = (await readParameterDeclarations(CELL)).find((candidate) => candidate.name === name);
  if (!declaration) throw new Error(`no declaration ${name}`);
  return declaration.type;
}

describe('readParameterDeclarations', () => {
  it('reads names, keywords, annotations and defaults in order', async () => {
    const declarations = await readParameterDeclarations(CELL);
    expect(declarations.map((declaration) => [declaration.name, declaration.keyword, declaration.typeText, declaration.defaultText])).toEqual([
      ['week', 'let', 'string', '"latest"'],
      ['n', 'let', 'number', '1'],
      ['flag', 'let', 'boolean', 'false'],
      ['teams', 'let', 'string[]', '[]'],
      ['options', 'const', '{ depth: number; label?: string }', '{ depth: 1 }'],
      ['mode', 'let', 'Mode', '"fast"'],
      ['maybe', 'let', 'number | null', 'null'],
      ['inferred', 'let', null, '3'],
      ['pairs', 'let', 'Array<[string, number]>', '[]'],
      ['anything', 'let', 'any', '1'],
    ]);
    expect(await typeOf('mode')).toEqual({ kind: 'union', members: [{ kind: 'literal', value: 'fast' }, { kind: 'literal', value: 'full' }] });
    expect(await typeOf('inferred')).toEqual({ kind: 'number' });
  });
});

describe('coerceParameter from -p text', () => {
  const text = { fromText: true };

  it('keeps text verbatim for a string parameter', async () => {
    expect(coerceParameter('week', '2026-W47', await typeOf('week'), text)).toBe('2026-W47');
    expect(coerceParameter('week', '5', await typeOf('week'), text)).toBe('5');
    expect(coerceParameter('week', '"; process.exit(1); "', await typeOf('week'), text)).toBe('"; process.exit(1); "');
  });

  it('reads numbers, booleans, arrays, objects, unions and tuples by the declaration', async () => {
    expect(coerceParameter('n', '5', await typeOf('n'), text)).toBe(5);
    expect(coerceParameter('inferred', '-2.5', await typeOf('inferred'), text)).toBe(-2.5);
    expect(coerceParameter('flag', 'true', await typeOf('flag'), text)).toBe(true);
    expect(coerceParameter('teams', '["Legal","HR"]', await typeOf('teams'), text)).toEqual(['Legal', 'HR']);
    expect(coerceParameter('options', '{"depth":2,"label":"x"}', await typeOf('options'), text)).toEqual({ depth: 2, label: 'x' });
    expect(coerceParameter('mode', 'full', await typeOf('mode'), text)).toBe('full');
    expect(coerceParameter('maybe', 'null', await typeOf('maybe'), text)).toBe(null);
    expect(coerceParameter('maybe', '7', await typeOf('maybe'), text)).toBe(7);
    expect(coerceParameter('pairs', '[["a",1]]', await typeOf('pairs'), text)).toEqual([['a', 1]]);
    expect(coerceParameter('anything', '{"a":1}', await typeOf('anything'), text)).toEqual({ a: 1 });
    expect(coerceParameter('anything', 'plain words', await typeOf('anything'), text)).toBe('plain words');
  });

  it('names the parameter when the value does not fit', async () => {
    const attempt = async (name: string, value: string) => {
      try {
        coerceParameter(name, value, await typeOf(name), text);
      } catch (error) {
        return error as UptakeError;
      }
      throw new Error('expected a usage error');
    };
    const error = await attempt('n', 'five');
    expect(error).toBeInstanceOf(UptakeError);
    expect(error.kind).toBe('usage');
    expect(error.message).toBe('parameter `n`: expected number, got `five`');
    expect((await attempt('mode', 'slow')).message).toBe('parameter `mode`: expected "fast" | "full", got `slow`');
    expect((await attempt('options', '{"depth":"deep"}')).message).toBe('parameter `options`: expected { depth: number; label?: string }, got `{"depth":"deep"}`');
    expect((await attempt('options', '{"depth":1,"extra":2}')).message).toContain('parameter `options`');
    expect((await attempt('flag', 'yes')).message).toBe('parameter `flag`: expected boolean, got `yes`');
  });
});

describe('coerceParameter from JSON values', () => {
  it('accepts values of the declared type and refuses others', async () => {
    expect(coerceParameter('n', 5, await typeOf('n'))).toBe(5);
    expect(coerceParameter('week', '5', await typeOf('week'))).toBe('5');
    expect(() => coerceParameter('week', 5, { kind: 'string' })).toThrow('parameter `week`: expected string, got `5`');
    expect(() => coerceParameter('n', Number.POSITIVE_INFINITY, { kind: 'number' })).toThrow('parameter `n`: expected number');
  });
});

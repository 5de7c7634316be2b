import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { noteConfigSource } from './config-source.js';
import { UptakeError } from '../errors.js';
import { PIPE_WAIT_MS, readRegularFile } from '../util/read-state-file.js';
import { shortName } from '../util/some-names.js';
import { ConfigSchema, type Config, type ConfigSpec } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'uptake.config.json';

/**
 * Validates a raw spec into a Config; errors name the key, the expectation and the value.
 * @example parseConfig({ timezone: 'Europe/Berlin' }).cleaning.retryWindowSec // 30
 */
export function parseConfig(spec: ConfigSpec | unknown, source = 'config'): Config {
  const result = ConfigSchema.safeParse(spec ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => describeIssue(issue, spec));
  throw new UptakeError('config', problems.join('; '), { file: source });
}

function describeIssue(issue: z.core.$ZodIssue, spec: unknown): string {
  const key = issue.path.join('.') || '(top level)';
  const received = valueAt(spec, issue.path);
  const shown = received === undefined ? 'nothing' : shownValue(received);
  if (issue.code === 'unrecognized_keys') return `unknown key ${issue.keys.map((k) => `\`${[...issue.path, k].join('.')}\``).join(', ')}`;
  return `\`${key}\`: ${issue.message.replace(/^Invalid input: /, '')}, got ${shown}`;
}

// The value comes from the file: one nested 100,000 arrays deep overflowed JSON.stringify's stack (exit 1),
// and a string of 50 MB made a message of 50 MB.
/**
 * A received value as a message shows it: its JSON, cut to a few dozen characters.
 * @example shownValue('x'.repeat(100)) // '`"xxxx…x… (102 characters)`'
 */
export function shownValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    return 'a value nested too deeply to show';
  }
  return `\`${shortName(text)}\``;
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Reads `file` (or `uptake.config.json` in the working directory when it exists); no file means defaults.
 * A pipe (`--config <(jq ... base.json)`) is read to its end; a folder or a device is refused.
 * @example const config = await readConfig('uptake.config.json')
 */
export async function readConfig(file?: string, overrides: ConfigSpec = {}): Promise<Config> {
  const path = file ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  let spec: Record<string, unknown> = {};
  if (path) {
    let text: string;
    try {
      text = await readRegularFile(path, 'the config file', 'config', { pipeWaitMs: PIPE_WAIT_MS });
    } catch (cause) {
      if (cause instanceof UptakeError) throw cause;
      throw new UptakeError('config', 'expected a readable JSON config file', { file: path, cause });
    }
    let parsed: unknown;
    try {
      // editors on Windows start a UTF-8 file with a byte order mark, which JSON.parse refuses as a token
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (cause) {
      throw new UptakeError('config', `expected valid JSON: ${(cause as Error).message}`, { file: path, cause });
    }
    // `[]`, `null` or `42` hold no setting: read as an empty object they ran the report on the defaults without a word
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new UptakeError('config', `expected a JSON object of settings ({ "timezone": ... }), got ${Array.isArray(parsed) ? 'an array' : shownValue(parsed)}`, { file: path });
    }
    spec = parsed as Record<string, unknown>;
  }
  const config = parseConfig({ ...spec, ...stripUndefined(overrides) }, path ?? 'config');
  // a folder of the user's own, next to the config: a scheduled run's working folder is seldom the config's
  if (config.reportTemplates !== null && path) config.reportTemplates = resolve(configFolder(path), config.reportTemplates);
  if (path) noteConfigSource(config, path);
  return config;
}

// The folder paths in a config file are relative to: the file's own, or the working folder for a pipe (`--config <(jq ...)`).
function configFolder(path: string): string {
  try {
    return statSync(path).isFile() ? dirname(resolve(path)) : process.cwd();
  } catch {
    return process.cwd();
  }
}

export { configSource } from './config-source.js';

function stripUndefined(spec: ConfigSpec): Record<string, unknown> {
  return Object.fromEntries(Object.entries(spec).filter(([, value]) => value !== undefined));
}

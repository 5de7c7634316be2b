import { type Config, type ConfigSpec } from './schema.js';
export declare const DEFAULT_CONFIG_FILE = "uptake.config.json";
/**
 * Validates a raw spec into a Config; errors name the key, the expectation and the value.
 * @example parseConfig({ timezone: 'Europe/Berlin' }).cleaning.retryWindowSec // 30
 */
export declare function parseConfig(spec: ConfigSpec | unknown, source?: string): Config;
/**
 * Reads `file` (or `uptake.config.json` in the working directory when it exists); no file means defaults.
 * @example const config = await readConfig('uptake.config.json')
 */
export declare function readConfig(file?: string, overrides?: ConfigSpec): Promise<Config>;

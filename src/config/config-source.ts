import type { Config } from './schema.js';

// The file each config was read from (readConfig notes it), for a setting found wrong only later (a metrics.groupBy
// column the data lacks, a reportTemplates folder without its files). A module of its own: what names the file does
// not load the config reader (a run loads that only once it handles stop signals).
const sources = new WeakMap<Config, string>();

/**
 * Notes the file a config was read from (readConfig's).
 * @example noteConfigSource(config, 'uptake.config.json')
 */
export function noteConfigSource(config: Config, path: string): void {
  sources.set(config, path);
}

/**
 * The file a config was read from by readConfig; undefined for the defaults or a config made in code.
 * @example configSource(await readConfig('uptake.config.json')) // 'uptake.config.json'
 */
export function configSource(config: Config): string | undefined {
  return sources.get(config);
}

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// `require.resolve('vega/package.json')` fails for a package whose `exports` do not list its package.json
// (vega, vega-lite): the manifest's versions read null for them. The folders Node would look the package up
// in are searched for its package.json instead.
/**
 * The installed version of a dependency, as Node would find it from `root` (a folder), or null when it is not installed.
 * @example packageVersion('vega-lite', '/srv/uptake') // '6.4.3'
 */
export function packageVersion(name: string, root: string): string | null {
  const folders = createRequire(join(root, 'package.json')).resolve.paths(name) ?? [];
  for (const folder of folders) {
    const file = join(folder, name, 'package.json');
    if (!existsSync(file)) continue;
    try {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // an unreadable package.json says no version
    }
  }
  return null;
}

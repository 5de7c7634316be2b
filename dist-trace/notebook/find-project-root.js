import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
/**
 * The folder a notebook's relative paths mean: the nearest one at or above `start` holding a package.json.
 * @example findProjectRoot('/work/app/notebooks') // '/work/app'
 */
export function findProjectRoot(start = process.cwd()) {
    let directory = resolve(start);
    for (;;) {
        if (existsSync(join(directory, 'package.json')))
            return directory;
        const parent = dirname(directory);
        if (parent === directory)
            return resolve(start);
        directory = parent;
    }
}
//# sourceMappingURL=find-project-root.js.map
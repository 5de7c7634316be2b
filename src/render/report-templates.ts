import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSource } from '../config/config-source.js';
import type { Config } from '../config/schema.js';
import { UptakeError, isSystemError, systemErrorText } from '../errors.js';

/** The report page's two files, by name, in uptake's own `templates/` folder and in a `reportTemplates` folder. */
export const REPORT_TEMPLATE_FILES = { template: 'report.html.hbs', css: 'report.css' } as const;

const BUNDLED_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
export const DEFAULT_TEMPLATE_PATH = join(BUNDLED_DIR, REPORT_TEMPLATE_FILES.template);
export const DEFAULT_CSS_PATH = join(BUNDLED_DIR, REPORT_TEMPLATE_FILES.css);

export interface ReportTemplatePaths {
  /** The Handlebars page template. */
  templatePath: string;
  /** The stylesheet inlined into the page. */
  cssPath: string;
}

// Users edited uptake's own templates/ in place, which an upgrade overwrites: `reportTemplates` names a folder of
// their own. Checked whenever the config is about to be used for a run (before any work): a folder that is not
// there, or lacks one of the two files, would otherwise fail the render after the notebook ran, or not at all.
/**
 * The report template and stylesheet a run uses: config `reportTemplates`'s (already absolute: readConfig resolves
 * it against the config file's folder), else uptake's own. A folder that is missing, is not a folder, or lacks
 * either file is UptakeError('config') naming the key and the path.
 * @example reportTemplatePaths(parseConfig({ reportTemplates: '/srv/uptake/templates' })).templatePath // '/srv/uptake/templates/report.html.hbs'
 */
export function reportTemplatePaths(config: Config): ReportTemplatePaths {
  const folder = config.reportTemplates;
  if (folder === null) return { templatePath: DEFAULT_TEMPLATE_PATH, cssPath: DEFAULT_CSS_PATH };
  const file = configSource(config);
  const expected = `\`reportTemplates\`: expected a folder holding ${REPORT_TEMPLATE_FILES.template} and ${REPORT_TEMPLATE_FILES.css} (copy them from ${BUNDLED_DIR})`;
  // 'file', 'folder', 'other', 'missing', or why it cannot be looked at
  const kindOf = (path: string): string => {
    try {
      const stats = statSync(path);
      return stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'other';
    } catch (error) {
      return isSystemError(error) && error.code === 'ENOENT' ? 'missing' : isSystemError(error) ? systemErrorText(error) : String(error);
    }
  };
  const folderKind = kindOf(folder);
  if (folderKind !== 'folder') {
    const got = folderKind === 'missing' ? 'which does not exist' : folderKind === 'file' ? 'which is a file, not a folder' : folderKind === 'other' ? 'which is not a folder' : `which cannot be read: ${folderKind}`;
    throw new UptakeError('config', `${expected}, got ${folder}, ${got}`, { file });
  }
  const paths = { templatePath: join(folder, REPORT_TEMPLATE_FILES.template), cssPath: join(folder, REPORT_TEMPLATE_FILES.css) };
  for (const name of [REPORT_TEMPLATE_FILES.template, REPORT_TEMPLATE_FILES.css]) {
    const kind = kindOf(join(folder, name));
    if (kind === 'file') continue;
    const got = kind === 'missing' ? `which has no ${name}` : kind === 'folder' || kind === 'other' ? `whose ${name} is not a file` : `whose ${name} cannot be read: ${kind}`;
    throw new UptakeError('config', `${expected}, got ${folder}, ${got}`, { file });
  }
  return paths;
}

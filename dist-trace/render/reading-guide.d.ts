import type { MetricsDocument } from '../metrics/document.js';
/**
 * The "How to read this report" appendix as markdown, generated from the KPI registry: how the
 * tables read, the thresholds in force, this run's data caveats with their counts, then every
 * metric's definition.
 * @example readingGuide(doc).startsWith('## How to read this report') // true
 */
export declare function readingGuide(doc: MetricsDocument): string;

import type { MetricsDocument } from '../../metrics/document.js';

/** The thresholds the narrative and the charts draw and phrase against. */
export interface ReportThresholds {
  /** ASI target accuracy (config `metrics.accuracyTarget`). */
  accuracyTarget: number;
  /** Logging coverage below this is a blind spot (config `metrics.coverageThreshold`). */
  coverageThreshold: number;
  /** A team at or below this delta (points) dipped past the alert line (alert rule `adoption_drop`). */
  adoptionDropPts: number;
}

export const DEFAULT_THRESHOLDS: ReportThresholds = {
  accuracyTarget: 0.9,
  coverageThreshold: 0.8,
  adoptionDropPts: -10,
};

function finiteAt(source: unknown, ...path: string[]): number | undefined {
  let value: unknown = source;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function adoptionDropRule(doc: MetricsDocument): number | undefined {
  const rules = (doc.config as { alerts?: { rules?: unknown } } | undefined)?.alerts?.rules;
  if (!Array.isArray(rules)) return undefined;
  const rule = rules.find((candidate) => (candidate as { rule?: unknown })?.rule === 'adoption_drop');
  return finiteAt(rule, 'threshold');
}

// The document may carry the thresholds it was computed with (`thresholds` or the whole `config`);
// explicit overrides win, then the document, then the config defaults.
/**
 * Thresholds for phrasing and drawing a document.
 * @example reportThresholds(doc, { accuracyTarget: 0.95 }).accuracyTarget // 0.95
 */
export function reportThresholds(doc: MetricsDocument, overrides: Partial<ReportThresholds> = {}): ReportThresholds {
  return {
    accuracyTarget:
      overrides.accuracyTarget ??
      finiteAt(doc, 'thresholds', 'accuracyTarget') ??
      finiteAt(doc, 'thresholds', 'accuracy_target') ??
      finiteAt(doc, 'config', 'metrics', 'accuracyTarget') ??
      DEFAULT_THRESHOLDS.accuracyTarget,
    coverageThreshold:
      overrides.coverageThreshold ??
      finiteAt(doc, 'thresholds', 'coverageThreshold') ??
      finiteAt(doc, 'thresholds', 'coverage_threshold') ??
      finiteAt(doc, 'config', 'metrics', 'coverageThreshold') ??
      DEFAULT_THRESHOLDS.coverageThreshold,
    adoptionDropPts:
      overrides.adoptionDropPts ??
      finiteAt(doc, 'thresholds', 'adoptionDropPts') ??
      finiteAt(doc, 'thresholds', 'adoption_drop_pts') ??
      adoptionDropRule(doc) ??
      DEFAULT_THRESHOLDS.adoptionDropPts,
  };
}

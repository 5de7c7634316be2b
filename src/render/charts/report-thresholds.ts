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

// computeMetrics records the thresholds it used in `doc.thresholds`; explicit overrides win, then those.
/**
 * Thresholds for phrasing and drawing a document.
 * @example reportThresholds(doc, { accuracyTarget: 0.95 }).accuracyTarget // 0.95
 */
export function reportThresholds(doc: MetricsDocument, overrides: Partial<ReportThresholds> = {}): ReportThresholds {
  const recorded = doc.thresholds;
  return {
    accuracyTarget: overrides.accuracyTarget ?? recorded?.accuracy_target ?? DEFAULT_THRESHOLDS.accuracyTarget,
    coverageThreshold: overrides.coverageThreshold ?? recorded?.coverage_threshold ?? DEFAULT_THRESHOLDS.coverageThreshold,
    adoptionDropPts: overrides.adoptionDropPts ?? recorded?.adoption_drop_pts ?? DEFAULT_THRESHOLDS.adoptionDropPts,
  };
}

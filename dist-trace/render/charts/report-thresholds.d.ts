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
export declare const DEFAULT_THRESHOLDS: ReportThresholds;
/**
 * Thresholds for phrasing and drawing a document.
 * @example reportThresholds(doc, { accuracyTarget: 0.95 }).accuracyTarget // 0.95
 */
export declare function reportThresholds(doc: MetricsDocument, overrides?: Partial<ReportThresholds>): ReportThresholds;

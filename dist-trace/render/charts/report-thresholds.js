export const DEFAULT_THRESHOLDS = {
    accuracyTarget: 0.9,
    coverageThreshold: 0.8,
    adoptionDropPts: -10,
};
// computeMetrics records the thresholds it used in `doc.thresholds`; explicit overrides win, then those.
/**
 * Thresholds for phrasing and drawing a document.
 * @example reportThresholds(doc, { accuracyTarget: 0.95 }).accuracyTarget // 0.95
 */
export function reportThresholds(doc, overrides = {}) {
    const recorded = doc.thresholds;
    return {
        accuracyTarget: overrides.accuracyTarget ?? recorded?.accuracy_target ?? DEFAULT_THRESHOLDS.accuracyTarget,
        coverageThreshold: overrides.coverageThreshold ?? recorded?.coverage_threshold ?? DEFAULT_THRESHOLDS.coverageThreshold,
        adoptionDropPts: overrides.adoptionDropPts ?? recorded?.adoption_drop_pts ?? DEFAULT_THRESHOLDS.adoptionDropPts,
    };
}
//# sourceMappingURL=report-thresholds.js.map
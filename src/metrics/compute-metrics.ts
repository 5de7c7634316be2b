import type { CleanedData } from '../clean/types.js';
import type { Config } from '../config/schema.js';
import { evaluateAlerts, ruleThreshold } from './alerts.js';
import { contextFrom, metricsInputs, type MetricsInputs } from './build-kpi-context.js';
import type { MetricsDocument, MetricsTables } from './document.js';
import type { Row } from './kpi.js';
import { resolveWeek, type ReportWeek } from './resolve-week.js';
import { mergeKpiTables } from './merge-kpi-tables.js';
import { pseudonymizeUserIds } from './pseudonymize-user-ids.js';
import { registry } from './registry.js';
import { sortRows } from './sort-rows.js';
import { suppressSmallGroups } from './suppress-small-groups.js';
import { tableLayouts } from './table-layouts.js';

/**
 * Every registered KPI over the cleaned data for one report week, as the CONTRACT section 4 document.
 * `week` is the ReportWeek loadReport resolved, or a week's name (`YYYY-Www` or `latest`) resolved here.
 * @example computeMetrics(data, config, resolveWeek(data, config, 'latest')).tables.adoption_by_team
 */
export function computeMetrics(data: CleanedData, config: Config, week: ReportWeek | string): MetricsDocument {
  const report = typeof week === 'string' ? resolveWeek(data, config, week) : week;
  return computeMetricsFrom(metricsInputs(data, config, report), config, report);
}

/**
 * The metrics document from the facts of every loaded week, the report window's tasks and the baselines (see
 * MetricsInputs): what a store of cleaned weeks calls without loading every task.
 * @example computeMetricsFrom({ facts: concatFacts(storedFacts), window, baselines, data }, config, report)
 */
export function computeMetricsFrom(inputs: MetricsInputs, config: Config, report: ReportWeek): MetricsDocument {
  const { data } = inputs;
  // 1. Periods: week, month and UTC date of the window's tasks in the report zone; the facts of every week
  const context = contextFrom(inputs, config, report);
  const layouts = tableLayouts(context.dimensions);

  // 2. KPIs: each computes its columns; rows with the same keys are merged
  let tables = mergeKpiTables(registry.map((kpi) => kpi.compute(context)), layouts);

  // 3. Privacy: small groups suppressed, user ids pseudonymised
  tables = suppressSmallGroups(tables, layouts, context);
  if (config.privacy.pseudonymize) tables = pseudonymizeUserIds(tables, config.privacy.pseudonymSalt);

  // 4. Order, then alerts over the finished tables. A team suppressed in the report week is named nowhere else
  //    either: it raises no alert (a gap, a blind spot) and its power users are not listed (as `ask` answers)
  const ordered: Record<string, Row[]> = {};
  for (const layout of layouts) ordered[layout.name] = sortRows(tables[layout.name] ?? [], layout.keys);
  const suppressed = new Set((ordered.adoption_by_team ?? []).filter((row) => row.suppressed === true).map((row) => row.team));
  const named = (row: Row) => row.team === undefined || row.team === null || !suppressed.has(row.team);
  ordered.power_users = (ordered.power_users ?? []).filter(named);
  ordered.alerts = evaluateAlerts(ordered, context).filter(named);

  return {
    week: report.week,
    week_start: report.start,
    week_end: report.end,
    timezone: config.timezone,
    loaded_dates: data.loadedDates,
    privacy: { min_group_size: config.privacy.minGroupSize, pseudonymized: config.privacy.pseudonymize },
    thresholds: {
      accuracy_target: config.metrics.accuracyTarget,
      coverage_threshold: config.metrics.coverageThreshold,
      adoption_drop_pts: ruleThreshold(config.alerts, 'adoption_drop'),
      task_type_drop_pts: ruleThreshold(config.alerts, 'task_type_drop'),
      // the other rules' lines, which the reading guide states beside these (its list had four of eight)
      asi_below_target: ruleThreshold(config.alerts, 'asi_below_target'),
      asi_falling: ruleThreshold(config.alerts, 'asi_falling'),
      harm_rate: ruleThreshold(config.alerts, 'harm_rate'),
      idle_seats: ruleThreshold(config.alerts, 'idle_seats'),
    },
    tables: ordered as MetricsTables,
    accounting: data.accounting,
    // What cleaning rejected, repaired or could not time: the report's reading guide states it with the figures.
    data_quality: {
      quarantine_by_reason: data.quarantineByReason,
      repairs: data.repairs,
      durations_dropped: data.durationsDropped,
      teams_filled: data.teamsFilled,
    },
  };
}

// uptake's library API: re-exports only. Notebooks import from here (the built `dist/index.js`).
export { UptakeError, EXIT_CODES, isUptakeError } from './errors.js';
export type { UptakeErrorKind } from './errors.js';
export { parseConfig, readConfig } from './config/read-config.js';
export type { Config, ConfigSpec } from './config/schema.js';
export type { CleanedData, SourceAccounting, QuarantineRecord, LogSource, InputKind } from './clean/types.js';
export type { MetricsDocument, MetricsTables } from './metrics/document.js';
export { isoWeekOf, weekBounds, shiftWeek, weekRange, monthOf, dateOf } from './util/iso-week.js';
export { buildNarrative, headlineKpis, escapeMarkdown } from './render/narrative.js';
export type { NarrativeOptions, HeadlineKpi } from './render/narrative.js';
export { tableToHtml } from './render/table-html.js';
export type { TableHtmlOptions } from './render/table-html.js';
export {
  reportCharts,
  adoptionTrendChart,
  adoptionByTaskTypeChart,
  cumulativeHoursSavedChart,
  asiByMonthChart,
  loggingCoverageChart,
} from './render/charts/index.js';
export type { ReportChart } from './render/charts/index.js';
export { renderSvg, chartDisplayBundle } from './render/charts/render-svg.js';
export { reportThresholds } from './render/charts/report-thresholds.js';
export { executeNotebook } from './notebook/execute.js';
export type { ExecuteNotebookOptions, ExecuteNotebookResult } from './notebook/execute.js';
export { loadReport, findProjectRoot } from './notebook/load-report.js';
export type { LoadReportOptions, LoadedReport } from './notebook/load-report.js';
export { displayBundle } from './notebook/display-bundle.js';
export { readNotebook, writeNotebook } from './notebook/nbformat.js';
export type { Notebook, NotebookCell, NotebookOutput } from './notebook/nbformat.js';
export { notebookToHtml } from './render/to-html.js';
export type { ReportContext, NotebookToHtmlOptions } from './render/to-html.js';
export { renderMarkdown } from './render/markdown.js';
export { sanitizeMarkup } from './render/sanitize-markup.js';
export { findChromium, launchBrowser, CHROMIUM_PATHS } from './render/browser.js';
export type { ReportBrowser, LaunchBrowserOptions } from './render/browser.js';
export { htmlToPdf } from './render/to-pdf.js';
export type { PdfOptions } from './render/to-pdf.js';
export { tablesToCsv } from './render/to-csv.js';
export { tablesToXlsx } from './render/to-xlsx.js';
export type { XlsxOptions } from './render/to-xlsx.js';
export { neutraliseFormula } from './render/flat-table.js';
export { computeMetrics } from './metrics/compute-metrics.js';
export { resolveWeek } from './metrics/resolve-week.js';
export type { ReportWeek } from './metrics/resolve-week.js';
export { glossary, registry } from './metrics/registry.js';
export type { GlossaryEntry } from './metrics/registry.js';
export type { Kpi, KpiContext } from './metrics/kpi.js';
export { formatMetricsText } from './metrics/format-metrics-text.js';
export { withRetries, isRetryableError, backoffDelay } from './deliver/retry.js';
export type { RetryOptions } from './deliver/retry.js';
export { sendReportEmail, sendEmail, renderSubject } from './deliver/email.js';
export type { ReportEmail, EmailMessage, EmailReceipt, EmailEffects } from './deliver/email.js';
export { postSlack, slackReportMessage, escapeSlack, alertLine } from './deliver/slack.js';
export type { SlackMessage, SlackEffects } from './deliver/slack.js';
export { notifyRunOutcome } from './deliver/notify.js';
export type { RunOutcomeNotice, DeliveryEffects, ChannelResult } from './deliver/notify.js';
export { resolveChannels } from './deliver/resolve-channels.js';
export type { DeliveryChannels } from './deliver/resolve-channels.js';
export { routeAlerts, conditionKey, raiseSeverity } from './deliver/alert-routing.js';
export type { AlertChannel, RoutedAlert, SuppressedAlert, AlertRoutingResult, RouteAlertsOptions } from './deliver/alert-routing.js';
export { createAlertSender } from './deliver/alert-sender.js';
export { loadWarehouse, warehouseTargets } from './deliver/warehouse/load-warehouse.js';
export type { WarehouseTarget } from './deliver/warehouse/load-warehouse.js';
export { warehouseTables, metricTableName, TASKS_TABLE, TASK_COLUMNS, METRIC_COLUMNS } from './deliver/warehouse/tables.js';
export type { WarehouseLoad, WarehouseLoadResult, WarehouseTable, ColumnDef, ColumnType } from './deliver/warehouse/tables.js';
export { schedule, createScheduler, scheduleCron, previousOccurrence, missedOccurrence, describeInstant } from './automate/schedule.js';
export type { Scheduler, ScheduleDeps, TickResult, TickReason } from './automate/schedule.js';
export { watch } from './automate/watch.js';
export type { Watcher, WatchOptions, WatchBatch } from './automate/watch.js';
export { appendRun, readRuns, readRunLog } from './automate/run-log.js';
export type { RunLogEntry, RunRecord, RunOutcome } from './automate/run-log.js';
export { acquireRunLock, withRunLock, readRunLock } from './automate/run-lock.js';
export type { RunLock, RunLockInfo } from './automate/run-lock.js';
export { guardedRun } from './automate/guarded-run.js';
export { deadManCheck, notifyIfOverdue, DEAD_MAN_EXIT_CODE } from './automate/dead-man.js';
export type { DeadManResult, DeadManNotifier } from './automate/dead-man.js';
export { deadManNotifier } from './automate/dead-man-notifier.js';
export { statusReport, formatStatus } from './automate/status-report.js';
export type { StatusReport } from './automate/status-report.js';
export { openLedger } from './automate/ledger.js';
export { weeksInFile, weeksOfMonth } from './automate/weeks-in-file.js';
export { reportableWeeks } from './automate/reportable-weeks.js';
export { statePaths } from './automate/state-paths.js';
export type { Job, JobRequest, RunReason } from './automate/job.js';
export type { Clock } from './automate/clock.js';

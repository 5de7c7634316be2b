import { formatColumnValue } from '../../metrics/column-catalog.js';
import type { MetricsDocument } from '../../metrics/document.js';
import { Plot, type PlotChartSpec } from '../render-plot.js';
import { CHART_WIDTH, isShown } from './chart-style.js';
import { compareText } from '../../util/compare-text.js';
import { largestRows } from '../largest-rows.js';
import { REPORT_TABLE_ROWS } from '../report-tables.js';

const BAR_COLOR = '#4c78a8';
const TITLE_SPACE = 36;
const CAPTION_SPACE = 18;

interface TaskTypeBar {
  task_type: string;
  adoption_rate: number;
  delta_pts: number | null;
  ai_tasks: number;
  manual_tasks: number;
}

const percent = (value: number, digits: number) => `${(value * 100).toFixed(digits)} %`;
/**
 * A task type as the report's tables and captions name it: "contract review", not "contract_review".
 * @example taskTypeName('contract_review') // 'contract review'
 */
export const taskTypeName = (taskType: string) => formatColumnValue('task_type', taskType);

/**
 * The task types the chart draws (and its caption names): those shown with an adoption rate, at most as many
 * as a report table shows (a free-text task type can take thousands of values), the ones with the most tasks
 * (AI and manual); `of` counts them all.
 * @example shownTaskTypes(doc).rows.length // 8
 */
export function shownTaskTypes(doc: MetricsDocument): { rows: MetricsDocument['tables']['adoption_by_task_type']; of: number } {
  const rows = doc.tables.adoption_by_task_type.filter((row) => isShown(row) && typeof row.adoption_rate === 'number');
  return { rows: largestRows(rows, REPORT_TABLE_ROWS.others, (row) => row.ai_tasks + row.manual_tasks), of: rows.length };
}

// The report's one chart drawn with Observable Plot (the others are Vega-Lite), so both paths are
// exercised from the notebook to the PDF. The title (and the report's one-line caption under it) is drawn
// inside the SVG, like Vega-Lite's title and subtitle.
/**
 * Adoption rate per task type in the report week (bars, highest first).
 * @example adoptionByTaskTypeChart(doc, 'Highest use of AI: email triage').data.values[0].task_type // 'contract_review'
 */
export function adoptionByTaskTypeChart(doc: MetricsDocument, caption = ''): PlotChartSpec {
  const values: TaskTypeBar[] = shownTaskTypes(doc).rows
    .map((row) => ({
      task_type: row.task_type,
      adoption_rate: row.adoption_rate as number,
      delta_pts: row.delta_pts,
      ai_tasks: row.ai_tasks,
      manual_tasks: row.manual_tasks,
    }))
    .sort((a, b) => b.adoption_rate - a.adoption_rate || compareText(a.task_type, b.task_type));
  const title = `Adoption by task type, ${doc.week}`;
  const top = TITLE_SPACE + (caption ? CAPTION_SPACE : 0);
  const tooltip = (bar: TaskTypeBar) =>
    `${taskTypeName(bar.task_type)}\nAdoption rate: ${percent(bar.adoption_rate, 1)}` +
    `${bar.delta_pts === null ? '' : `\nChange (points): ${bar.delta_pts >= 0 ? '+' : ''}${bar.delta_pts.toFixed(1)}`}` +
    `\nAI tasks: ${bar.ai_tasks}\nManual tasks: ${bar.manual_tasks}`;
  return {
    kind: 'observable-plot',
    title,
    description: 'Share of tasks done with AI per task type in the report week, all teams together.',
    data: { values },
    options: {
      width: CHART_WIDTH,
      height: top + Math.min(480, Math.max(120, values.length * 24)),
      marginTop: top,
      marginLeft: 170,
      ariaLabel: title,
      x: { domain: [0, 1], label: 'Adoption rate', tickFormat: (rate: number) => percent(rate, 0), grid: true },
      y: { domain: values.map((bar) => bar.task_type), label: 'Task type', tickFormat: taskTypeName },
      marks: [
        Plot.barX(values, { x: 'adoption_rate', y: 'task_type', fill: BAR_COLOR, title: tooltip }),
        Plot.ruleX([0]),
        Plot.text([title], { frameAnchor: 'top-left', dx: -160, dy: -top + 6, textAnchor: 'start', fontSize: 13, fontWeight: 'bold' }),
        ...(caption ? [Plot.text([caption], { frameAnchor: 'top-left', dx: -160, dy: -top + 24, textAnchor: 'start', fontSize: 11, fill: '#3e4c59' })] : []),
      ],
    },
  };
}

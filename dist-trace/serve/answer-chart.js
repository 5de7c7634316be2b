import { VEGA_LITE_SCHEMA } from '../render/charts/chart-style.js';
import { renderSvg } from '../render/charts/render-svg.js';
/** The series an answer's table holds (a week or month column, then the value), or null when it is no series. */
export function answerSeries(answer) {
    const { columns, rows } = answer.table;
    if (!answer.answered || rows.length < 2 || (columns[0] !== 'week' && columns[0] !== 'month'))
        return null;
    const points = rows.filter((row) => typeof row[1] === 'number').map((row) => ({ period: String(row[0]), value: row[1] }));
    return points.length >= 2 ? points : null;
}
/**
 * A small line chart of an answer that is a series ("is uptake rising?"), as SVG rendered here
 * (Vega-Lite, no network), or null when the answer is one number or a list.
 * @example await answerChartSvg(engine.ask('adoption trend')) // '<svg …'
 */
export async function answerChartSvg(answer) {
    const values = answerSeries(answer);
    if (!values)
        return null;
    const unit = answer.table.units[1];
    const spec = {
        $schema: VEGA_LITE_SCHEMA,
        width: 460,
        height: 160,
        background: 'white',
        data: { values },
        mark: { type: 'line', point: true },
        encoding: {
            x: { field: 'period', type: 'ordinal', title: answer.table.columns[0] === 'week' ? 'Week' : 'Month', axis: { labelAngle: -45 } },
            y: {
                field: 'value', type: 'quantitative', title: answer.table.columns[1].replace(/_/g, ' '),
                axis: { format: unit === 'rate' ? '.0%' : ',.1f' }, scale: { zero: unit !== 'rate' },
            },
        },
    };
    return renderSvg(spec);
}
//# sourceMappingURL=answer-chart.js.map
/**
 * One value as answers print it: rates as percents, point changes signed, hours with one decimal.
 * @example formatValue(0.4523, 'rate') // '45.2%'
 */
export function formatValue(value, unit) {
    if (value === null || value === undefined)
        return '—';
    if (typeof value !== 'number')
        return String(value);
    switch (unit) {
        case 'rate':
            return `${(value * 100).toFixed(1)}%`;
        case 'pts':
            return `${value > 0 ? '+' : ''}${value.toFixed(1)} pts`;
        case 'hours':
            return `${value.toFixed(1)} h`;
        case 'minutes':
            return `${value.toFixed(1)} min`;
        case 'count':
            return Number.isInteger(value) ? String(value) : value.toFixed(1);
        default:
            return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
    }
}
//# sourceMappingURL=format-values.js.map
import { cellText, flatTables, isRateColumn, neutraliseFormula } from './flat-table.js';
/** Excel forbids : \ / ? * [ ] in sheet names and allows at most 31 characters; names must be unique. */
function sheetName(table, taken) {
    const base = (table.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '') || 'table').slice(0, 31);
    let name = base;
    for (let counter = 2; taken.has(name.toLowerCase()); counter += 1) {
        const suffix = `_${counter}`;
        name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
}
function numberFormat(column) {
    if (isRateColumn(column))
        return '0.0%';
    if (/(?:^|_)pts$/.test(column))
        return '+0.0;-0.0;0.0';
    if (/hours/.test(column))
        return '#,##0.0';
    return undefined;
}
// Typed cells: numbers stay numbers (sortable, summable), booleans booleans, empty stays empty.
function cellValue(value) {
    if (value === null || value === undefined)
        return null;
    if (typeof value === 'number')
        return Number.isFinite(value) ? value : null;
    if (typeof value === 'boolean')
        return value;
    return neutraliseFormula(cellText(value));
}
/**
 * Every metric table as one sheet of an Excel workbook: bold frozen header row with a filter,
 * typed cells, rates formatted as percentages, dates kept as ISO text, formula-like text quoted.
 * @example
 * await writeFileAtomic('output/2026-W47/metrics.xlsx', await tablesToXlsx(doc));
 */
export async function tablesToXlsx(doc, options = {}) {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const generatedAt = options.generatedAt ?? new Date(`${doc.week_end}T23:59:59Z`);
    workbook.creator = 'uptake';
    workbook.title = `AI adoption ${doc.week}`;
    if (!Number.isNaN(generatedAt.getTime())) {
        workbook.created = generatedAt;
        workbook.modified = generatedAt;
    }
    const taken = new Set();
    for (const table of flatTables(doc)) {
        const sheet = workbook.addWorksheet(sheetName(table.name, taken), {
            views: [{ state: 'frozen', ySplit: 1 }],
        });
        sheet.columns = table.columns.map((column) => {
            const longest = table.rows.reduce((width, row) => Math.max(width, cellText(row[column]).length), column.length);
            const numFmt = numberFormat(column);
            return { header: neutraliseFormula(column), key: column, width: Math.min(Math.max(longest + 2, 8), 48), ...(numFmt ? { style: { numFmt } } : {}) };
        });
        for (const row of table.rows) {
            sheet.addRow(table.columns.map((column) => cellValue(row[column])));
        }
        const header = sheet.getRow(1);
        header.font = { bold: true };
        header.eachCell((cell) => {
            cell.numFmt = 'General';
        });
        if (table.columns.length > 0) {
            sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
        }
    }
    const buffer = await workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer);
}
//# sourceMappingURL=to-xlsx.js.map
import { createHash } from 'node:crypto';

// The page's script: data only ever reaches the DOM through textContent and createElement.
const SCRIPT = `
const $ = (id) => document.getElementById(id);
// (numbers come written by the server, with the report's formatters: "47.3 %", "2,131", "2,417.0 h")
const cellText = (text) => (text === null || text === undefined ? '—' : String(text));

async function loadHeadline() {
  const response = await fetch('/api/headline');
  const numbers = await response.json();
  $('week').textContent = numbers.week;
  $('adoption').textContent = numbers.text.adoption_rate;
  $('delta').textContent = numbers.text.delta_pts;
  $('hours').textContent = numbers.text.hours_saved;
  $('asi').textContent = numbers.text.asi;
  $('asi-month').textContent = numbers.asi_month;
  $('harm').textContent = numbers.text.harm_rate;
  $('alerts').textContent = numbers.text.alerts;
  if (numbers.report_url) {
    $('report').href = numbers.report_url;
    $('report').textContent = 'Open the full report for ' + numbers.week;
    $('report-line').hidden = false;
  }
}

async function loadAlerts() {
  const response = await fetch('/api/alerts');
  const { week, alerts } = await response.json();
  $('alerts-title').textContent = 'Alerts of ' + week;
  const list = $('alert-list');
  list.replaceChildren();
  if (alerts.length === 0) {
    const item = document.createElement('li');
    item.textContent = 'No alerts this week.';
    list.appendChild(item);
  }
  for (const alert of alerts) {
    const item = document.createElement('li');
    const severity = document.createElement('span');
    severity.className = 'severity ' + alert.severity;
    severity.textContent = alert.severity;
    item.appendChild(severity);
    item.appendChild(document.createTextNode(' ' + alert.message));
    list.appendChild(item);
  }
}

// A series comes as SVG drawn by the server; it is shown as an image, so it can never run script.
function showChart(svg) {
  const chart = $('chart');
  if (!svg) {
    chart.hidden = true;
    chart.removeAttribute('src');
    return;
  }
  chart.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
  chart.hidden = false;
}

function showTable(table, headers, cells) {
  const element = $('table');
  element.replaceChildren();
  if (!table || table.columns.length === 0 || table.rows.length === 0) return;
  const head = element.createTHead().insertRow();
  for (const [index, column] of table.columns.entries()) {
    const th = document.createElement('th');
    th.textContent = headers ? headers[index] : column;
    head.appendChild(th);
  }
  const body = element.createTBody();
  table.rows.forEach((row, rowIndex) => {
    const tr = body.insertRow();
    row.forEach((value, index) => {
      const td = tr.insertCell();
      td.textContent = cellText(cells[rowIndex][index]);
      if (typeof value === 'number') td.className = 'number';
    });
  });
}

function showSuggestions(suggestions) {
  const list = $('suggestions');
  list.replaceChildren();
  for (const suggestion of suggestions || []) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = suggestion;
    button.addEventListener('click', () => { $('question').value = suggestion; ask(); });
    item.appendChild(button);
    list.appendChild(item);
  }
}

async function ask(event) {
  if (event) event.preventDefault();
  const question = $('question').value.trim();
  if (!question) return;
  $('answer').textContent = 'Thinking…';
  $('status').textContent = '';
  try {
    const response = await fetch('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error || response.statusText);
    $('answer').textContent = answer.answer;
    $('interpretation').textContent = 'Read as: ' + answer.interpretation;
    showChart(answer.chart_svg);
    showTable(answer.table, answer.headers, answer.cells);
    showSuggestions(answer.answered ? [] : answer.suggestions);
    $('status').textContent = answer.answered ? 'answered' : 'not answered';
  } catch (error) {
    $('answer').textContent = 'The question could not be sent: ' + error.message;
    $('status').textContent = 'error';
  }
}

$('ask-form').addEventListener('submit', ask);
loadHeadline().catch((error) => { $('week').textContent = 'unavailable (' + error.message + ')'; });
loadAlerts().catch((error) => { $('alerts-title').textContent = 'Alerts unavailable (' + error.message + ')'; });
`;

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d2330; }
h1 { font-size: 1.4rem; margin-bottom: .2rem; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .6rem; margin: 1rem 0 1.5rem; }
.kpi { border: 1px solid #d6dae3; border-radius: .4rem; padding: .6rem .8rem; }
.kpi .label { font-size: .8rem; color: #5b6475; }
.kpi .value { font-size: 1.35rem; font-weight: 600; }
form { display: flex; gap: .5rem; }
input[type=text] { flex: 1; font: inherit; padding: .45rem .6rem; border: 1px solid #aab2c0; border-radius: .3rem; }
button { font: inherit; padding: .45rem .9rem; border-radius: .3rem; border: 1px solid #3552a3; background: #3552a3; color: white; cursor: pointer; }
#suggestions button { background: white; color: #3552a3; margin: .15rem 0; }
#answer { font-size: 1.1rem; margin: 1rem 0 .3rem; }
#interpretation { color: #5b6475; font-size: .85rem; }
table { border-collapse: collapse; margin-top: .8rem; }
th, td { border-bottom: 1px solid #e2e5ec; padding: .25rem .7rem; text-align: left; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
#chart { display: block; margin-top: .8rem; max-width: 100%; }
#chart[hidden], #report-line[hidden] { display: none; }
h2 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; }
#alert-list { padding-left: 1.1rem; }
.severity { font-size: .75rem; font-weight: 600; text-transform: uppercase; padding: 0 .35rem; border-radius: .2rem; background: #e2e5ec; }
.severity.critical { background: #8a1c1c; color: #fff; }
.severity.high { background: #f6d3d3; color: #8a1c1c; }
.severity.medium { background: #f8e6c4; color: #7a4b00; }
`;

/** The page `uptake serve` shows: self-contained (no external URL), filled in by its own script. */
export const ASK_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>uptake · ask the adoption report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>AI adoption · <span id="week">…</span></h1>
<div class="kpis">
  <div class="kpi"><div class="label">Adoption</div><div class="value" id="adoption">—</div></div>
  <div class="kpi"><div class="label">Change on the week before</div><div class="value" id="delta">—</div></div>
  <div class="kpi"><div class="label">Hours saved</div><div class="value" id="hours">—</div></div>
  <div class="kpi"><div class="label">ASI (<span id="asi-month"></span>)</div><div class="value" id="asi">—</div></div>
  <div class="kpi"><div class="label">Harm rate</div><div class="value" id="harm">—</div></div>
  <div class="kpi"><div class="label">Alerts</div><div class="value" id="alerts">—</div></div>
</div>
<form id="ask-form">
  <input type="text" id="question" name="question" autocomplete="off" placeholder="Which teams dipped more than 10 points last week?" aria-label="Question">
  <button type="submit" id="ask">Ask</button>
</form>
<p id="answer" aria-live="polite"></p>
<p id="interpretation"></p>
<p id="status" hidden></p>
<img id="chart" alt="Chart of the answer's series" hidden>
<table id="table"></table>
<ul id="suggestions"></ul>
<h2 id="alerts-title">Alerts</h2>
<ul id="alert-list"></ul>
<p id="report-line" hidden><a id="report" href="/report"></a></p>
<script>${SCRIPT}</script>
</body>
</html>
`;

/** Content-Security-Policy for the page: its own inline script and style (by hash), requests to itself only. */
export const ASK_PAGE_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`,
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "connect-src 'self'",
  // the answer's chart: an SVG image made by the server
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Content-Security-Policy for the served report: its inline styles and images, nothing that runs or loads. */
export const REPORT_CSP = ["default-src 'none'", "style-src 'unsafe-inline'", 'img-src data:', 'font-src data:', "base-uri 'none'", "form-action 'none'"].join('; ');

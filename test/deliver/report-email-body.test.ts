import { afterEach, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { EmailSchema } from '../../src/config/schema.js';
import { sendReportEmail } from '../../src/deliver/email.js';
import { reportEmailBody, subjectAlert } from '../../src/deliver/report-email-body.js';
import type { MetricsDocument } from '../../src/metrics/document.js';
import { metricsFixture, taskTypeAlerts } from './metrics-fixture.js';
import { startSmtp, type TestServer } from './local-servers.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const pdf = new Uint8Array(256).map((_, index) => index);

// The fixture with human messages on its alerts, as computeMetrics writes them.
function documentWithMessages(): MetricsDocument {
  const doc = metricsFixture();
  doc.tables.alerts = [
    { rule: 'harm_rate', team: 'Finance', severity: 'critical', message: 'Finance: 1 of 41 AI tasks in 2026-W47 were flagged harmful (2.4 %, alert above 1.0 %)' },
    { rule: 'adoption_drop', team: 'R&D <Labs>', delta_pts: -14.2, severity: 'high', message: 'R&D <Labs>: adoption fell 14.2 points from 2026-W46 to 2026-W47 (36.2 % → 22.0 %)' },
  ];
  return doc;
}

describe('reportEmailBody', () => {
  it('tells the week in the body alone: headline figures, sentences and alerts, as HTML and the same as text', () => {
    const body = reportEmailBody(documentWithMessages(), { title: 'AI adoption report', pdfName: 'uptake-report-2026-W47.pdf' });
    expect(body.alert).toBe('critical: Harmful outputs (Finance) +1 more');
    expect(body.text).toContain('AI adoption report, 2026-W47');
    expect(body.text).toMatch(/Adoption\s+▲ 41 %\s+\+3\.3 pts vs last week; 41 of 100 tasks used AI/);
    expect(body.text).toMatch(/Hours saved to date\s+22\.5 h\s+since 2026-W46/);
    expect(body.text).toContain('Adoption rose 3.3 points to 41 %; R&D <Labs> fell 14.2 points.');
    expect(body.text).toContain('* CRITICAL Harmful outputs (Finance): 1 of 41 AI tasks in 2026-W47 were flagged harmful (2.4 %, alert above 1.0 %)');
    expect(body.text).toContain('* HIGH Adoption dropped (R&D <Labs>): Adoption fell 14.2 points');
    expect(body.text).toContain('The full report is attached as a PDF (uptake-report-2026-W47.pdf).');
    // Data text is escaped in the HTML exactly as in the report; nothing of it is markup.
    expect(body.html).toContain('<p>Adoption rose 3.3 points to 41 %; R&amp;D &lt;Labs&gt; fell 14.2 points.</p>');
    expect(body.html).toContain('<li><strong>HIGH</strong> Adoption dropped (R&amp;D &lt;Labs&gt;): Adoption fell 14.2 points');
    expect(body.html).not.toContain('<Labs>');
  });

  it('names all teams once in a task-type alert\'s line, in the team\'s place, as page 1 does', () => {
    const doc = metricsFixture();
    doc.tables.alerts = taskTypeAlerts();
    const { text } = reportEmailBody(doc, { title: 'AI adoption report' });
    expect(text).toContain('* MEDIUM Task type adoption dropped (All teams): Adoption of the task type invoice matching fell 16.7 points');
    expect(text).not.toMatch(/\(All teams\): (All teams|Task type [a-z ]+ \(all teams\))/i);
    // the subject names the task type, not "(All teams)" alone
    expect(subjectAlert(doc)).toBe('medium: Task type adoption dropped (invoice matching, all teams) +1 more');
  });

  it('counts one alert left out in the singular', () => {
    const doc = metricsFixture();
    doc.tables.alerts = Array.from({ length: 6 }, (_, index) => ({ rule: 'data_gap', team: `Team ${index}`, severity: 'medium', message: `Team ${index}: no AI tasks logged on 2026-11-18` }));
    const { text } = reportEmailBody(doc, { title: 'AI adoption report' });
    expect(text).toContain("1 more alert (1 medium) is listed in the report's appendix.");
    expect(text).not.toContain('alerts are in the report');
  });

  it('says, as page 1 does, that the report\'s appendix lists only the most severe and where every alert is', () => {
    const doc = metricsFixture();
    doc.tables.alerts = Array.from({ length: 1_205 }, (_, index) => ({ rule: 'data_gap', team: `Team ${index}`, severity: index < 10 ? 'high' : 'low', message: `Team ${index}: no AI tasks logged on 2026-11-18` }));
    const { text, html } = reportEmailBody(doc, { title: 'AI adoption report' });
    expect(text).toContain("1,200 more alerts (5 high, 1,195 low) are in metrics.xlsx and alerts.csv; the report's appendix lists the 25 most severe.");
    expect(html).toContain('<p>1,200 more alerts (5 high, 1,195 low) are in metrics.xlsx and alerts.csv; the report&#39;s appendix lists the 25 most severe.</p>');
    expect(text).not.toContain('in the report.');
  });

  it('says when nothing fired', () => {
    const doc = metricsFixture();
    doc.tables.alerts = [];
    expect(subjectAlert(doc)).toBe('no alerts');
    expect(reportEmailBody(doc, { title: 'AI adoption report' }).text).toContain('No alert fired this week.');
  });

  it('reaches a real SMTP server with a subject naming the week and the most severe alert, both parts and the PDF', async () => {
    const server = await startSmtp();
    servers.push(server);
    const config = EmailSchema.parse({ enabled: true, host: '127.0.0.1', port: server.port, user: 'reporter', passwordEnv: 'TEST_SMTP_PASSWORD', from: 'uptake@example.test', to: ['cfo@example.test'] });
    const body = reportEmailBody(documentWithMessages(), { title: 'AI adoption report', pdfName: 'uptake-report-2026-W47.pdf' });
    await sendReportEmail(config, { week: '2026-W47', title: 'AI adoption report', pdf, pdfName: 'uptake-report-2026-W47.pdf', ...body }, { env: { TEST_SMTP_PASSWORD: 's3cret' } });
    const parsed = await simpleParser(server.received[0].raw);
    expect(parsed.subject).toBe('AI adoption report 2026-W47: critical: Harmful outputs (Finance) +1 more');
    expect(parsed.text).toContain('Adoption rose 3.3 points to 41 %; R&D <Labs> fell 14.2 points.');
    expect(parsed.html).toContain('R&amp;D &lt;Labs&gt;');
    expect(parsed.html).not.toContain('<Labs>');
    expect(parsed.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([['uptake-report-2026-W47.pdf', 'application/pdf']]);
    expect(Buffer.compare(parsed.attachments[0].content, Buffer.from(pdf))).toBe(0);
  });
});

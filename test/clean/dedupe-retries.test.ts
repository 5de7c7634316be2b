import { expect, test } from 'vitest';
import { AI_HEADER, clean } from '../helpers/clean.js';
import { csv } from '../helpers/input-folder.js';

test('retries spelled with different labels are one attempt: best status wins', async () => {
  const { ai, data } = await clean({
    'ai_logs_1.csv': csv(AI_HEADER,
      'e1,u1,Finance,Budget Reconciliation,2026-11-16T09:00:00Z,,error,,,reconcile march',
      'e2,u1,Finance,budget-reconciliation,2026-11-16T09:00:20Z,,completed,0.9,,reconcile march',
      'e3,u1,Finance,budget_recon,2026-11-16T09:00:45Z,,abandoned,,,reconcile march',
      'e4,u1,Finance,budget_reconciliation,2026-11-16T09:02:00Z,,completed,,,reconcile march'),
  });
  // e1 -> e2 (20 s) -> e3 (25 s after e2) chain into one attempt; e4 starts 75 s after e3: a new attempt.
  expect(ai.map((t) => [t.task_id, t.status])).toEqual([['e2', 'completed'], ['e4', 'completed']]);
  expect(data.accounting.ai_logs).toMatchObject({ rows_read: 4, retry_duplicates: 2, rows_in_tasks: 2, tasks: 2 });
});

test('a second completed row is an echo: the earlier start is kept; empty prompts never merge', async () => {
  const { ai, data } = await clean({
    'ai_logs_1.csv': csv(AI_HEADER,
      'e1,u1,Finance,report,2026-11-16T09:00:10Z,,completed,,,same',
      'e2,u1,Finance,report,2026-11-16T09:00:00Z,,completed,,,same',
      'e3,u2,Finance,report,2026-11-16T09:00:00Z,,completed,,,',
      'e4,u2,Finance,report,2026-11-16T09:00:05Z,,completed,,,'),
  });
  expect(ai.map((t) => t.task_id)).toEqual(['e2', 'e3', 'e4']);
  expect(data.accounting.ai_logs.retry_duplicates).toBe(1);
});

test('the window is configurable', async () => {
  const rows = csv(AI_HEADER, 'e1,u1,Finance,report,2026-11-16T09:00:00Z,,error,,,p', 'e2,u1,Finance,report,2026-11-16T09:00:50Z,,completed,,,p');
  expect((await clean({ 'ai_logs_1.csv': rows })).ai.length).toBe(2);
  expect((await clean({ 'ai_logs_1.csv': rows }, { cleaning: { retryWindowSec: 60 } })).ai.map((t) => t.task_id)).toEqual(['e2']);
});

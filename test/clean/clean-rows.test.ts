import { expect, test } from 'vitest';
import { cleanRows, readInput } from '../../src/clean/clean-input.js';
import { parseConfig } from '../../src/config/read-config.js';
import { AI_HEADER } from '../helpers/clean.js';
import { csv, inputFolder } from '../helpers/input-folder.js';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const files = {
  'ai_logs_1.csv': csv(AI_HEADER,
    'e1,u1,Finance,budget_recon,2026-11-16T09:00:00Z,2026-11-16T09:05:00Z,completed,,,p1',
    'e2,u1,Finance,budget_reconciliation,2026-11-16T10:00:00Z,2026-11-16T10:05:00Z,completed,,,p2',
    'e3,u1,Finance,budget_reconnect,2026-11-16T11:00:00Z,2026-11-16T11:05:00Z,completed,,,p3'),
};

test('the rules run over rows already read: readInput then cleanRows is cleanInput', async () => {
  const config = parseConfig({});
  const data = await cleanRows(await readInput(inputFolder(files), config, { now: NOW }), config);
  expect(data.asOf).toBe(NOW);
  expect(data.accounting.ai_logs).toMatchObject({ rows_read: 3, quarantined: 0, rows_in_tasks: 3, tasks: 3 });
  // two long labels fit `budget_recon` once each: the most frequent wins, the first seen on a tie
  expect(data.tasks.array('task_type')).toEqual(['budget_reconciliation', 'budget_reconciliation', 'budget_reconnect']);
});

test('label frequencies can come from the caller (the whole history), not only from the rows cleaned', async () => {
  const config = parseConfig({});
  const parsed = await readInput(inputFolder(files), config, { now: NOW });
  const history = new Map([['budget_recon', 1], ['budget_reconciliation', 1], ['budget_reconnect', 40]]);
  const data = await cleanRows(parsed, config, { labelCounts: history });
  expect(data.tasks.array('task_type')).toEqual(['budget_reconnect', 'budget_reconciliation', 'budget_reconnect']);
  expect(data.labelMapping.find((mapping) => mapping.raw === 'budget_recon')).toMatchObject({ canonical: 'budget_reconnect', count: 1 });
});

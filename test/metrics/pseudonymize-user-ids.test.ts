import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { pseudonym } from '../../src/metrics/pseudonymize-user-ids.js';
import { makeCleanedData, repeat, testConfig } from './make-cleaned-data.js';

const data = makeCleanedData({
  tasks: [
    { user_id: 'alice@example.com', team: 'Finance', started_at: '2026-10-01T09:00:00Z' },
    ...repeat(30, { user_id: 'bob@example.com', team: 'Finance', started_at: '2026-10-02T09:00:00Z' }),
    { user_id: 'alice@example.com', team: 'Finance', started_at: '2026-11-01T09:00:00Z' },
  ],
  roster: [
    { user_id: 'alice@example.com', team: 'Finance', month: '2026-10', ai_tasks_total: 10 },
    { user_id: 'bob@example.com', team: 'Finance', month: '2026-10', ai_tasks_total: 30 },
  ],
});

describe('pseudonymisation', () => {
  it('is u_ + the first 10 hex digits of HMAC-SHA256 keyed by the salt', () => {
    const expected = `u_${createHmac('sha256', 'pepper').update('alice@example.com').digest('hex').slice(0, 10)}`;
    expect(pseudonym('alice@example.com', 'pepper')).toBe(expected);
    expect(pseudonym('alice@example.com', 'pepper')).toMatch(/^u_[0-9a-f]{10}$/);
    expect(pseudonym('alice@example.com', 'salt')).not.toBe(expected);
  });

  it('replaces every user id in every table and message, stably across runs', () => {
    const config = testConfig({ privacy: { pseudonymize: true, pseudonymSalt: 'pepper' } });
    const first = computeMetrics(data, config, '2026-W44');
    const second = computeMetrics(data, config, '2026-W44');
    const text = JSON.stringify(first);
    expect(text).not.toContain('alice');
    expect(text).not.toContain('bob');
    expect(first).toEqual(second);
    const alice = pseudonym('alice@example.com', 'pepper');
    expect(first.tables.logging_coverage.find((row) => row.user_id === alice)).toMatchObject({ logged_ai_tasks: 1, reported_ai_tasks: 10, flagged: true });
    const blindSpot = first.tables.alerts.find((alert) => alert.rule === 'blind_spot');
    expect(blindSpot).toMatchObject({ user_id: alice });
    expect(String(blindSpot?.message)).toContain(alice);
  });

  it('leaves ids alone when off', () => {
    const document = computeMetrics(data, testConfig(), '2026-W44');
    expect(document.tables.logging_coverage.map((row) => row.user_id)).toEqual(['alice@example.com', 'bob@example.com']);
  });
});

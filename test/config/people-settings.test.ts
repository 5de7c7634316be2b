import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/read-config.js';
import { isUptakeError } from '../../src/errors.js';

describe('people and licence settings', () => {
  it('default to tiers 5 / 20, a 4-week idle window, no seat cost and an idle-seat alert at 30 %', () => {
    const config = parseConfig({});
    expect([config.people, config.licences, config.alerts.idleSeatShare]).toEqual([{ tiers: { light: 5, moderate: 20 }, idleWeeks: 4 }, { monthlyCost: null }, 0.3]);
    expect(config.alerts.rules.find((rule) => rule.rule === 'idle_seats')).toEqual({ rule: 'idle_seats', severity: 'medium', enabled: true });
  });

  it('refuses a moderate bound not above the light one, and a share above 1, naming the key', () => {
    const refusal = (spec: Parameters<typeof parseConfig>[0]) => {
      try {
        parseConfig(spec);
      } catch (error) {
        return isUptakeError(error) ? [error.kind, error.message] : ['not an UptakeError', String(error)];
      }
      return ['accepted', ''];
    };
    const [kind, message] = refusal({ people: { tiers: { light: 10, moderate: 5 } } });
    expect(kind).toBe('config');
    expect(message).toContain('people.tiers');
    expect(message).toContain('expected `moderate` above `light`');
    expect(refusal({ alerts: { idleSeatShare: 1.5 } })[1]).toContain('alerts.idleSeatShare');
    expect(refusal({ licences: { monthlyCost: -1 } })[1]).toContain('licences.monthlyCost');
    // a billion weeks began before the year 1: its week had no label and every command stopped with exit 1
    expect(refusal({ people: { idleWeeks: 1_000_000_000 } })).toEqual(['config', 'config: `people.idleWeeks`: expected at most 520 weeks (ten years), got `1000000000`']);
    expect(parseConfig({ people: { idleWeeks: 520 } }).people.idleWeeks).toBe(520);
  });
});

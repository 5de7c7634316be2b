import { describe, expect, it } from 'vitest';
import { glossary, registry } from '../../src/metrics/registry.js';

describe('registry', () => {
  it('registers every KPI of CONTRACT section 3 once, with a definition', () => {
    expect(registry.map((kpi) => kpi.id)).toEqual([
      'adoption_rate',
      'delta_pts',
      'user_adoption_rate',
      'abandonment_rate',
      'power_users',
      'hours_saved',
      'asi',
      'harm_rate',
      'coverage',
      'gaps',
      'activation',
      'retention',
      'usage_tiers',
      'idle_seats',
    ]);
    for (const kpi of registry) {
      expect(kpi.definition.length, kpi.id).toBeGreaterThan(120);
      expect(['week', 'month']).toContain(kpi.grain);
    }
  });

  it('glossary() lists id, title and definition', () => {
    expect(glossary()[0]).toEqual({ id: 'adoption_rate', title: 'Adoption rate', definition: registry[0].definition });
    expect(glossary()).toHaveLength(registry.length);
  });
});

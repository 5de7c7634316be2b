import { expect, test } from 'vitest';
import { abbreviates, canonicalLabels, spellLabel } from '../../src/clean/canonical-labels.js';

const map = (counts: Record<string, number>, rules: Partial<Parameters<typeof canonicalLabels>[1]> = {}) =>
  Object.fromEntries([...canonicalLabels(new Map(Object.entries(counts)), { synonyms: {}, catalogue: null, ...rules })].map(([raw, m]) => [raw, `${m.canonical} (${m.via})`]));

test('spelling: lower-case, trim, non-alphanumeric runs to _', () => {
  expect(['  Budget Reconciliation ', 'budget-reconciliation', 'Budget__Recon!!', '---'].map(spellLabel)).toEqual(['budget_reconciliation', 'budget_reconciliation', 'budget_recon', 'unlabelled']);
});

test('abbreviation needs the same token count and a prefix per token', () => {
  expect(abbreviates('budget_recon', 'budget_reconciliation')).toBe(true);
  expect(abbreviates('bud_rec', 'budget_reconciliation')).toBe(true);
  expect(abbreviates('budget', 'budget_reconciliation')).toBe(false);
  expect(abbreviates('recon_budget', 'budget_reconciliation')).toBe(false);
  expect(abbreviates('budget_reconciliation', 'budget_reconciliation')).toBe(false);
});

test('abbreviations resolve to the most frequent fitting label', () => {
  expect(map({ 'Budget Reconciliation': 9, budget_recon: 2, 'contract review': 5, con_rev: 1, contract_revision: 7 })).toEqual({
    'Budget Reconciliation': 'budget_reconciliation (spelling)',
    budget_recon: 'budget_reconciliation (abbreviation)',
    'contract review': 'contract_review (spelling)',
    con_rev: 'contract_revision (abbreviation)',
    contract_revision: 'contract_revision (identity)',
  });
});

test('synonyms apply before abbreviations; the catalogue sends the rest to other', () => {
  expect(map({ 'AP matching': 3, invoice_matching: 10, inv_match: 1, misc: 4 }, { synonyms: { 'ap matching': 'invoice_matching' }, catalogue: ['invoice_matching'] })).toEqual({
    'AP matching': 'invoice_matching (synonym)',
    invoice_matching: 'invoice_matching (identity)',
    inv_match: 'invoice_matching (abbreviation)',
    misc: 'other (other)',
  });
});

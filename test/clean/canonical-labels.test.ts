import { expect, test } from 'vitest';
import { abbreviates, canonicalLabels, labelRulesAsApplied, spellLabel } from '../../src/clean/canonical-labels.js';
import { AbbreviationIndex } from '../../src/clean/abbreviation-index.js';

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

test('labels in every script keep their letters and digits, case-folded and NFC, and stay distinct', () => {
  expect(['請求書照合', '契約レビュー', 'проверка', 'Überprüfung', 'U\u0308berpru\u0308fung', ' ПРОВЕРКА ', 'हिन्दी लेख', 'STRASSE', 'Straße', 'Rechnung #٣'].map(spellLabel)).toEqual([
    '請求書照合', '契約レビュー', 'проверка', 'überprüfung', 'überprüfung', 'проверка', 'हिन्दी_लेख', 'strasse', 'strasse', 'rechnung_٣',
  ]);
  expect(map({ 請求書照合: 3, 契約レビュー: 2, проверка: 4, Überprüfung: 1, 'Budget\u0000Recon': 1, budget_reconciliation: 2 })).toEqual({
    請求書照合: '請求書照合 (identity)',
    契約レビュー: '契約レビュー (identity)',
    проверка: 'проверка (identity)',
    Überprüfung: 'überprüfung (spelling)',
    'Budget\u0000Recon': 'budget_reconciliation (abbreviation)',
    budget_reconciliation: 'budget_reconciliation (identity)',
  });
});

test('the index finds what comparing every pair finds, tie-break included', () => {
  // a small alphabet, so that labels abbreviate each other often; the seed makes it the same every run
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const word = () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => 'abз'[Math.floor(next() * 3)]).join('');
  const frequency = new Map<string, number>();
  while (frequency.size < 600) frequency.set(Array.from({ length: 1 + Math.floor(next() * 3) }, word).join('_'), 1 + Math.floor(next() * 4));
  const index = new AbbreviationIndex(frequency);
  let found = 0;
  for (const label of frequency.keys()) {
    let best: string | undefined;
    for (const [candidate, count] of frequency) {
      if (abbreviates(label, candidate) && (best === undefined || count > frequency.get(best)! || (count === frequency.get(best)! && candidate < best))) best = candidate;
    }
    expect(index.expansionOf(label), label).toBe(best);
    if (best !== undefined) found += 1;
  }
  expect(found).toBeGreaterThan(100);
  expect(new AbbreviationIndex(new Map([['budget_reconciliation', 1]])).expansionOf('bud_rec')).toBe('budget_reconciliation');
  expect(new AbbreviationIndex(new Map([['budget_reconciliation', 1]])).expansionOf('budget')).toBeUndefined();
});

test('50 000 distinct labels resolve as the rule says', () => {
  const counts = new Map<string, number>();
  // 20 000 abbreviations of 20 000 longer labels that share their last two tokens (no team number is a prefix of another)
  const team = (number: number) => `team${String(number).padStart(5, '0')}`;
  for (let number = 0; number < 20_000; number += 1) {
    counts.set(`${team(number)}_budget_reconciliation`, 3);
    counts.set(`${team(number)}_bud_rec`, 1);
  }
  // 10 000 labels sharing their first token, each number a prefix of longer ones: `report_1` abbreviates
  // `report_10` .. `report_1999`; with equal counts the first in code-unit order wins, step by step
  for (let number = 0; number < 10_000; number += 1) counts.set(`report_${number}`, 1);
  const mapping = canonicalLabels(counts, { synonyms: {}, catalogue: null });
  expect(mapping.size).toBe(50_000);
  const canonical = (raw: string) => mapping.get(raw)!.canonical;
  for (let number = 0; number < 20_000; number += 1) {
    expect(canonical(`${team(number)}_bud_rec`)).toBe(`${team(number)}_budget_reconciliation`);
    expect(canonical(`${team(number)}_budget_reconciliation`)).toBe(`${team(number)}_budget_reconciliation`);
  }
  for (let number = 0; number < 10_000; number += 1) {
    const text = String(number);
    expect(canonical(`report_${number}`)).toBe(number === 0 ? 'report_0' : `report_${text.padEnd(4, '0')}`);
  }
  expect([...mapping.values()].filter((entry) => entry.via === 'abbreviation').length).toBe(20_000 + 999);
});

test('labelRulesAsApplied: synonyms by spelled label in code-unit order (the later of two spelled alike), the catalogue spelled once each', () => {
  expect(labelRulesAsApplied({ synonyms: { 'Report Drafting': 'Writing', email_triage: 'mail', 'EMAIL TRIAGE': 'Inbox' }, catalogue: ['Mail', 'contract review', 'mail'] })).toEqual({
    synonyms: { email_triage: 'inbox', report_drafting: 'writing' },
    catalogue: ['contract_review', 'mail'],
  });
  expect(labelRulesAsApplied({ synonyms: {}, catalogue: null })).toEqual({ synonyms: {}, catalogue: null });
});

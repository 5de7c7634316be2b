import { describe, expect, it } from 'vitest';
import { lastRecordProbe } from '../../src/ingest/file-is-complete.js';

const csv = 'event_id,user_id,task_type\ne1,u1,"Contract, review"\ne2,u2,Summary\n';
/** The verdict on `text` fed in chunks of `size` bytes, as a read would. */
const verdict = (text: string, size = 7) => {
  const probe = lastRecordProbe();
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) probe.add(bytes.subarray(at, at + size));
  return probe.verdict();
};

describe('lastRecordProbe', () => {
  it('accepts whole files: a line end, or a last record with every field', () => {
    expect(verdict(csv)).toEqual({ complete: true });
    expect(verdict(csv.trimEnd())).toEqual({ complete: true });
    expect(verdict('')).toEqual({ complete: true });
    expect(verdict('event_id,user_id,task_type')).toEqual({ complete: true });
  });

  it('refuses a copy cut short: a torn record, an open quote', () => {
    expect(verdict(csv.slice(0, -9))).toEqual({ complete: false, why: 'its last record has 2 of 3 fields and no line end' });
    expect(verdict('event_id,user_id,task_type\ne1,u1,"Contract, re')).toEqual({ complete: false, why: 'its last record stops inside a quoted field' });
  });
});

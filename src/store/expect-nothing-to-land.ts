// A store this user may not write answers a run only when the run would write nothing into it.
import type { HashedFile } from '../util/hash-file.js';
import type { InputFile } from './clean-slice.js';
import { STORE_FORMAT } from './open-store.js';
import { notWritableError, type StoreValue } from './store-engine.js';
import { someNames } from '../util/some-names.js';
import { wordList } from '../util/word-list.js';
import { REREAD } from './store-settings.js';

/** What a run through the store knows before it reads anything: the store's settings, its ledger and the input's hashes. */
export interface LandingCheck {
  meta: Record<string, string>;
  reader: string;
  asOf: number;
  files: InputFile[];
  hashed: Map<string, HashedFile>;
  ledger: Map<string, Record<string, StoreValue>>;
}

/**
 * A store opened read-only (this user may not write it: `why`) serves a run only when the run would write nothing
 * into it: a store of this format, read by this build at a clock not earlier than its last run's, whose ledger holds
 * every input file with the same bytes (rosters too) and no other, none due to be read again. Else nothing is
 * written, and the error names the store, why it may not be written and what would have to land.
 * @example if (engine.readOnly !== null) expectNothingToLand(engine.location, engine.readOnly, { meta, reader, asOf, files, hashed, ledger })
 */
export function expectNothingToLand(location: string, why: string, { meta, reader, asOf, files, hashed, ledger }: LandingCheck): void {
  const refuse = (toLand: string) => {
    throw notWritableError(location, why, toLand);
  };
  if (ledger.size === 0 || meta.format === undefined) refuse(`every input file (it holds none yet)`);
  if (meta.format !== STORE_FORMAT) refuse(`its tables, brought from format ${meta.format} to format ${STORE_FORMAT}`);
  if (meta.reader !== undefined && meta.reader !== reader) refuse(`every input file read again (${REREAD.reader})`);
  if (meta.as_of !== undefined && asOf < Number(meta.as_of)) refuse(`every input file read again (${REREAD.clock})`);
  const counted = (names: string[], what: string) => (names.length === 0 ? [] : [`${names.length} ${names.length === 1 ? 'file' : 'files'} ${what} (${someNames(names)})`]);
  const added = files.filter((file) => !ledger.has(file.name)).map((file) => file.name);
  const changed = files
    .filter((file) => {
      const entry = ledger.get(file.name);
      return entry !== undefined && (entry.sha256 !== hashed.get(file.name)?.sha256 || Number(entry.bytes) !== file.bytes);
    })
    .map((file) => file.name);
  const reread = files.filter((file) => ledger.get(file.name)?.reread === true && !changed.includes(file.name)).map((file) => file.name);
  const gone = [...ledger.keys()].filter((name) => !hashed.has(name));
  const toLand = [
    ...counted(added, 'new in the input since the store last saw it'),
    ...counted(changed, 'changed since the store last saw them'),
    ...counted(reread, "due to be read again (rows that started after the store's last run's clock)"),
    ...counted(gone, 'gone from the input'),
  ];
  if (toLand.length > 0) refuse(`the changes from ${wordList(toLand)}`);
}

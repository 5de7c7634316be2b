import { hostname } from 'node:os';
import { writeFileAtomic } from '../util/atomic-write.js';
import { isSameProcess, processIdentity, type ProcessIdentity } from '../util/process-identity.js';
import { pidIsAlive } from '../util/pid-is-alive.js';
import { readStateList } from '../util/read-state-file.js';

/** A channel the report of a run went out on. */
export type ReportChannel = 'email' | 'slack';

/** A scheduled (or catch-up) run that began and did not finish: aborted by a signal, killed, or the machine went down. */
export type UnfinishedRun = {
  /** The cron occurrence the run stands for (ISO): its report is due for the week before. */
  scheduledFor: string;
  /** When its latest try began (ISO). */
  since: string;
  /** The channels its report went out on before it was interrupted: a retry does not send it again. */
  delivered: ReportChannel[];
  /** How many times it was begun (absent in a record of an earlier uptake: once). */
  tries?: number;
  pid: number;
  host: string;
} & ProcessIdentity;

interface UnfinishedRunsFile {
  version: 1;
  runs: UnfinishedRun[];
}

/** The unfinished scheduled runs kept in `<output>/.uptake/unfinished-runs.json` (see unfinishedRuns). */
export interface UnfinishedRuns {
  readonly path: string;
  /** The runs begun and not finished, oldest occurrence first, less those whose process still runs on this host (another scheduler's). */
  list(options?: { isAlive?: (pid: number) => boolean }): Promise<UnfinishedRun[]>;
  /** Written as a run of `scheduledFor` begins (a retry keeps the channels its report already went out on). */
  begin(scheduledFor: number, now: number): Promise<UnfinishedRun>;
  /** Written as its report goes out on `channel`. */
  delivered(scheduledFor: number, channel: ReportChannel): Promise<void>;
  /** Removed once the run ended (ok, or failed otherwise than by an abort): it is not tried again. */
  finish(scheduledFor: number): Promise<void>;
}

// The run log says a run was interrupted only while its `start` is the latest of its occurrence, and says nothing of
// what it had sent: a file of its own keeps each begun scheduled run until it finishes, across restarts, so that the
// next start tries its week again, once, and does not mail a report that already went out.
/**
 * The unfinished scheduled runs at `path`; a missing file is none. Every write is atomic.
 * @example const unfinished = unfinishedRuns('output/.uptake/unfinished-runs.json'); for (const run of await unfinished.list()) retry(run.scheduledFor)
 */
export function unfinishedRuns(path: string): UnfinishedRuns {
  async function read(): Promise<UnfinishedRun[]> {
    const runs = await readStateList<UnfinishedRun>(path, 'the unfinished runs', 'runs', 'its runs are then not tried again');
    return runs.filter((run) => typeof run?.scheduledFor === 'string' && !Number.isNaN(Date.parse(run.scheduledFor)));
  }
  async function write(runs: UnfinishedRun[]): Promise<void> {
    const sorted = [...runs].sort((a, b) => Date.parse(a.scheduledFor) - Date.parse(b.scheduledFor));
    await writeFileAtomic(path, `${JSON.stringify({ version: 1, runs: sorted } satisfies UnfinishedRunsFile, null, 2)}\n`);
  }
  const key = (scheduledFor: number) => new Date(scheduledFor).toISOString();
  return {
    path,
    async list(options = {}) {
      const isAlive = options.isAlive ?? pidIsAlive;
      const host = hostname();
      return (await read()).filter((run) => !(run.host === host && isSameProcess(run.pid, run, isAlive)));
    },
    async begin(scheduledFor, now) {
      const runs = await read();
      const earlier = runs.find((run) => run.scheduledFor === key(scheduledFor));
      const run: UnfinishedRun = {
        scheduledFor: key(scheduledFor),
        since: new Date(now).toISOString(),
        delivered: earlier?.delivered ?? [],
        tries: (earlier?.tries ?? (earlier ? 1 : 0)) + 1,
        pid: process.pid,
        host: hostname(),
        ...processIdentity(process.pid),
      };
      await write([...runs.filter((each) => each !== earlier), run]);
      return run;
    },
    async delivered(scheduledFor, channel) {
      const runs = await read();
      const run = runs.find((each) => each.scheduledFor === key(scheduledFor));
      if (!run || run.delivered.includes(channel)) return;
      run.delivered.push(channel);
      await write(runs);
    },
    async finish(scheduledFor) {
      const runs = await read();
      const left = runs.filter((run) => run.scheduledFor !== key(scheduledFor));
      if (left.length !== runs.length) await write(left);
    },
  };
}

/** Why a report run started. `manual` is `uptake run`; the others come from src/automate. */
export type RunReason = 'schedule' | 'catch-up' | 'watch' | 'manual';

/** An input file a batch's run did not read, and why (not whole yet, or refused by a run before). */
export interface LeftOutFile {
  file: string;
  why: string;
  /** Since when it is waited for, or when a run refused it (ISO). */
  since: string;
}

/** An input file a run read as it is, though its end was not whole, and why it was not. */
export interface ReadAsIsFile {
  file: string;
  why: string;
}

/** What an unattended trigger asks of the weekly job; `weeks` are ISO weeks the new data touch. */
export interface JobRequest {
  reason: RunReason;
  weeks?: string[];
  /** The folder to read instead of the configured input: a consistent copy of it (watch batches). */
  input?: string;
  /** Names an input file that changed since the copy was taken, or null: then nothing may be delivered. */
  inputChanged?: () => Promise<string | null>;
  /** Input files in the folder that `input` leaves out (not whole yet, or refused before): the reports say so. */
  leftOut?: LeftOutFile[];
  /** Input files in `input` read as they are, though their end is not whole (waited for long enough). */
  readAsIs?: ReadAsIsFile[];
  /** Aborts once the run lock is another run's (see RunLock.lost): the job publishes and delivers nothing more. */
  lockLost?: AbortSignal;
  /** The occurrence a scheduled or catch-up run stands for (epoch ms): its report is due for the week before. */
  scheduledFor?: number;
  /**
   * The channels the report of this occurrence already went out on, by an earlier try of it that was interrupted
   * (see unfinishedRuns): the report is not delivered again.
   */
  deliveredBefore?: Array<'email' | 'slack'>;
  /** Told as the report goes out on a channel, so that a try interrupted after it does not send it again. */
  onDelivered?: (channel: 'email' | 'slack') => Promise<void>;
  /** The batch brings no new data (processed files left the folder): its weeks are rebuilt, and nothing is delivered. */
  rebuildOnly?: boolean;
}

/** The weekly job, injected (the CLI wires in `runReport`); it throws on failure. */
export type Job = (request: JobRequest) => Promise<unknown>;

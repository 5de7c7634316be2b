/** Why a report run started. `manual` is `uptake run`; the others come from src/automate. */
export type RunReason = 'schedule' | 'catch-up' | 'watch' | 'manual';

/** What an unattended trigger asks of the weekly job; `weeks` are ISO weeks the new data touch. */
export interface JobRequest {
  reason: RunReason;
  weeks?: string[];
}

/** The weekly job, injected (the CLI wires in `runReport`); it throws on failure. */
export type Job = (request: JobRequest) => Promise<unknown>;

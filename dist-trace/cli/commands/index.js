import { registerExecute } from './execute.js';
import { registerValidate } from './validate.js';
import { registerRun } from './run.js';
import { registerMetrics } from './metrics.js';
import { registerGenerate } from './generate.js';
import { registerSchedule } from './schedule.js';
import { registerWatch } from './watch.js';
import { registerStatus } from './status.js';
import { registerAsk } from './ask.js';
import { registerServe } from './serve.js';
import { registerKernel } from './kernel.js';
import { registerDoctor } from './doctor.js';
import { registerStore } from './store.js';
/**
 * One line per command; each module registers its own options and help, and imports what the
 * command runs inside its action, so a command loads only its own code (and `--help` none).
 */
export const registrations = [
    registerExecute,
    registerValidate,
    registerRun,
    registerMetrics,
    registerGenerate,
    registerSchedule,
    registerWatch,
    registerStatus,
    registerAsk,
    registerServe,
    registerKernel,
    registerDoctor,
    registerStore,
];
//# sourceMappingURL=index.js.map
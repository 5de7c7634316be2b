import { parentPort, workerData } from 'node:worker_threads';
import Handlebars from 'handlebars';

// The report template rendered on a thread of its own (see render-report-html.ts), which the run can stop. It loads
// Handlebars alone: the page's values come ready from the run's thread.
const { source, data, compileOptions } = workerData as { source: string; data: unknown; compileOptions: CompileOptions };
try {
  parentPort!.postMessage({ html: Handlebars.create().compile(source, compileOptions)(data) });
} catch (error) {
  parentPort!.postMessage({ error: (error as Error)?.message ?? String(error) });
}

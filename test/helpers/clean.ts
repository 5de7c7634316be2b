import { cleanInput } from '../../src/clean/clean-input.js';
import { parseConfig } from '../../src/config/read-config.js';
import type { ConfigSpec } from '../../src/config/schema.js';
import { inputFolder } from './input-folder.js';

export const AI_HEADER = 'event_id,user_id,team,task_type,started_at,ended_at,status,accuracy,harmful,prompt';
export const MANUAL_HEADER = 'task_id,user_id,team,task_type,started_at,ended_at';

/** Cleans an inline input folder with an optional config; returns the data and its tasks as plain rows. */
export async function clean(files: Record<string, string>, spec: ConfigSpec = {}) {
  const data = await cleanInput(inputFolder(files), parseConfig(spec));
  const tasks = data.tasks.objects() as Array<Record<string, any>>;
  const iso = (ms: number) => new Date(ms).toISOString();
  return { data, tasks, ai: tasks.filter((t) => t.source === 'ai_logs'), manual: tasks.filter((t) => t.source === 'manual_logs'), iso };
}

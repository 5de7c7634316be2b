import { type StoryOptions } from './catalogue.js';
import type { SeededRandom } from './seeded-random.js';
import type { SimulatedUser } from './simulate-activity.js';
/**
 * The people story's users, after the regular ones and drawing from their own random stream (so the
 * regular users' rows stay the same whatever these options say): idle seats, late starters, lapsed
 * users and the small team. `weekThursdayMonth` names the month of week index i's Thursday.
 * @example buildStoryUsers(60, 8, (week) => '2026-10', STORY_DEFAULTS, createSeededRandom(2), 6).map((user) => user.userId)[0] // 'u061'
 */
export declare function buildStoryUsers(first: number, weeks: number, weekThursdayMonth: (week: number) => string, story: StoryOptions, random: SeededRandom, teamCount: number): SimulatedUser[];

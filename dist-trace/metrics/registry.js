import { abandonment } from './abandonment.js';
import { activation } from './activation.js';
import { adoption } from './adoption.js';
import { asi } from './asi.js';
import { coverage } from './coverage.js';
import { delta } from './delta.js';
import { gaps } from './gaps.js';
import { harm } from './harm.js';
import { hoursSaved } from './hours-saved.js';
import { idleSeats } from './idle-seats.js';
import { powerUsers } from './power-users.js';
import { retention } from './retention.js';
import { usageTiers } from './usage-tiers.js';
import { userAdoption } from './user-adoption.js';
/**
 * Every KPI, in the order their columns appear in merged tables. Adding a KPI = one file + one line here.
 */
export const registry = [
    adoption,
    delta,
    userAdoption,
    abandonment,
    powerUsers,
    hoursSaved,
    asi,
    harm,
    coverage,
    gaps,
    activation,
    retention,
    usageTiers,
    idleSeats,
];
/**
 * The definitions the README and report glossaries are generated from.
 * @example glossary().find((entry) => entry.id === 'adoption_rate')?.title // 'Adoption rate'
 */
export function glossary() {
    return registry.map(({ id, title, definition }) => ({ id, title, definition }));
}
//# sourceMappingURL=registry.js.map
// The machinery room's verbs: rules in clean/ and metrics/ import from here, never a typed-array trick of their own.
export { Dictionary, recoded, recodeInto } from './dictionary.js';
export { CodedColumn } from './coded-column.js';
export { NullableNumbers } from './nullable-numbers.js';
export { allRowsOf, keepRows, rowNumbers } from './keep-rows.js';
export { bestOfGroups, denseKey, groupPositions, groupRows, groupsOfSeveral, textKey } from './group-rows.js';
export { aggregateRuns, chainRuns, keepBestOfRuns, listByFirstRow, orderWithinGroups, singleRowRuns } from './runs.js';
export { arrayCarver, prefaultedMemory } from './prefaulted-memory.js';
export { cachedIn, memoizedPer } from './cached-in.js';
export { codeOf, columnCodes, emptyCodes, nullIds, rememberColumnCodes } from './column-codes.js';
export { columnValues, numberValues, sortedNumbers } from './column-values.js';
export { countByGroup, distinctByGroup, eachGroupSubtotals, groupMembers, scopeGroups, sortedValuesByGroup, sumByGroup } from './scope-groups.js';
export { countCodes } from './count-codes.js';
export { byQuarterHour, memoized, perCode, rewriteCodes } from './rewrite-codes.js';
export { TokenPrefixIndex } from './token-prefix-index.js';
export { flagColumn, numberColumn, pairRule } from './derived-columns.js';
export { takeRows } from './take-rows.js';
//# sourceMappingURL=index.js.map
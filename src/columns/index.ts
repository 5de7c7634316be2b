// The machinery room's verbs: rules in clean/ and metrics/ import from here, never a typed-array trick of their own.
export { Dictionary, recoded, recodeInto } from './dictionary.js';
export { CodedColumn } from './coded-column.js';
export { NullableNumbers } from './nullable-numbers.js';
export { allRowsOf, keepRows, rowNumbers, type RowIndices } from './keep-rows.js';
export { bestOfGroups, denseKey, groupPositions, groupRows, groupsOfSeveral, textKey, type DenseKey, type GroupKey, type Groups, type TextKey, type Texts } from './group-rows.js';
export { aggregateRuns, chainRuns, keepBestOfRuns, listByFirstRow, orderWithinGroups, singleRowRuns, type ListedRuns, type Merge, type Ordered, type Runs } from './runs.js';
export { arrayCarver, prefaultedMemory, type PrefaultedMemory } from './prefaulted-memory.js';
export { cachedIn, memoizedPer } from './cached-in.js';
export { codeOf, columnCodes, emptyCodes, nullIds, rememberColumnCodes, type ColumnCodes } from './column-codes.js';
export { columnValues, numberValues, sortedNumbers } from './column-values.js';
export { countByGroup, distinctByGroup, eachGroupSubtotals, groupMembers, scopeGroups, sortedValuesByGroup, sumByGroup, type CodeSubtotals, type GroupMembers, type ScopeGroupOptions, type ScopeGroups } from './scope-groups.js';
export { countCodes } from './count-codes.js';
export { byQuarterHour, memoized, perCode, QUARTER_HOUR_MS, rewriteCodes, type CodeRewrite } from './rewrite-codes.js';
export { TokenPrefixIndex } from './token-prefix-index.js';
export { flagColumn, numberColumn, pairRule } from './derived-columns.js';
export { takeRows } from './take-rows.js';

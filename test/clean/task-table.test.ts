import { table } from 'arquero';
import { expect, test } from 'vitest';
import { TaskText, taskTableBytes, taskTableColumns, type TaskTableColumns } from '../../src/clean/task-table.js';
import { CodedColumn } from '../../src/columns/coded-column.js';
import { NullableNumbers } from '../../src/columns/nullable-numbers.js';
import { TextColumn } from '../../src/ingest/text-column.js';

test('task strings read their source rows, and arquero reads them as a column', () => {
  const ai = new TextColumn([{ bytes: Buffer.from('a1a2', 'latin1'), ends: Int32Array.of(2, 4), wide: [] }], null);
  const manual = new TextColumn([{ bytes: Buffer.from('m1', 'latin1'), ends: Int32Array.of(2), wide: [] }], null);
  const taskIds = new TaskText(new Int32Array(3));
  taskIds.addSource(0, ai);
  taskIds.addSource(2, manual);
  taskIds.rowOf.set([1, 0, 0]);
  expect([...taskIds]).toEqual(['a2', 'a1', 'm1']);
  expect(() => taskIds.at(3)).toThrow('task 3 is outside the table\'s 3 tasks');
  const tasks = table({ task_id: taskIds, n: [1, 2, 3] });
  expect(tasks.array('task_id')).toEqual(['a2', 'a1', 'm1']);
  expect(tasks.filter((d: { n: number }) => d.n > 1).objects()).toEqual([{ task_id: 'a1', n: 2 }, { task_id: 'm1', n: 3 }]);
  expect(tasks.orderby('task_id').array('n')).toEqual([2, 1, 3]);
});

test('columns carved from one buffer do not overlap and start empty, as fresh ones do', () => {
  const passThrough = new Map([['client_os', 'client_os'], ['source', 'x_source']]);
  const memory = new SharedArrayBuffer(taskTableBytes(5, passThrough.size));
  const carved = taskTableColumns(5, passThrough, [], memory);
  const fresh = taskTableColumns(5, passThrough, []);
  const numbers = (columns: TaskTableColumns) => Object.values(columns).map((column) =>
    column instanceof CodedColumn ? column.codes : column instanceof TaskText ? column.rowOf : column instanceof NullableNumbers ? column.values : column);
  expect(Object.keys(carved)).toEqual(Object.keys(fresh));
  expect(numbers(carved).map((array) => Array.from(array as ArrayLike<number>))).toEqual(numbers(fresh).map((array) => Array.from(array as ArrayLike<number>)));
  // each column's cells written with its own number read back unchanged: no two columns share bytes
  const arrays = numbers(carved) as Array<Int32Array | Float64Array>;
  arrays.forEach((array, index) => {
    expect(array.buffer).toBe(memory);
    array.fill(index + 1);
  });
  expect(arrays.map((array) => Array.from(array))).toEqual(arrays.map((_, index) => [1, 2, 3, 4, 5].map(() => index + 1)));
  expect(numbers(carved).reduce((bytes, array) => bytes + (array as Int32Array).byteLength, 0)).toBe(memory.byteLength);
});

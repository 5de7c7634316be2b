import { table } from 'arquero';
import { expect, test } from 'vitest';
import { TaskText } from '../../src/clean/task-table.js';
import { TextColumn } from '../../src/ingest/text-column.js';

test('task strings read their source rows, and arquero reads them as a column', () => {
  const ai = new TextColumn([{ text: 'a1a2', ends: Int32Array.of(2, 4), wide: [] }], null);
  const manual = new TextColumn([{ text: 'm1', ends: Int32Array.of(2), wide: [] }], null);
  const taskIds = new TaskText(3);
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

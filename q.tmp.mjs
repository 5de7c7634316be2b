import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
const rg = process.argv[2];
const dir = '/tmp/s24/rg'; fs.rmSync(dir, { recursive: true, force: true }); fs.mkdirSync(dir);
const i = await DuckDBInstance.create(':memory:');
const c = await i.connect();
await c.run(`ATTACH '${dir}/a.duckdb' AS s ${rg === '0' ? '' : `(ROW_GROUP_SIZE ${rg})`}`);
await c.run('USE s');
await c.run("SET checkpoint_threshold='1TB'");
await c.run('CREATE TABLE t (a VARCHAR, b DOUBLE, c INTEGER, d VARCHAR)');
await c.run('CHECKPOINT');
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  await c.run('BEGIN');
  const app = await c.createAppender('t');
  for (let r = 0; r < 105000; r++) { app.appendVarchar('user' + (r % 3000)); app.appendDouble(r * 1.5); app.appendInteger(r); app.appendVarchar('some longer text value number ' + r); app.endRow(); }
  app.flushSync(); app.closeSync();
  const t1 = performance.now();
  await c.run('COMMIT');
  const t2 = performance.now();
  const wal = fs.existsSync(`${dir}/a.duckdb.wal`) ? fs.statSync(`${dir}/a.duckdb.wal`).size : 0;
  await c.run('CHECKPOINT');
  const t3 = performance.now();
  console.log(`rg ${rg} round ${round}: append ${(t1-t0)|0} commit ${(t2-t1)|0} wal ${(wal/1e6).toFixed(1)}MB checkpoint ${(t3-t2)|0} file ${(fs.statSync(`${dir}/a.duckdb`).size/1e6).toFixed(1)}MB`);
}
const r = await c.runAndReadAll("SELECT count(*), count(DISTINCT row_group_id) FROM pragma_storage_info('t')");
console.log(r.getRows());

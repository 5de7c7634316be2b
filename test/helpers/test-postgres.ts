import pg from 'pg';
import { redactUrl } from '../../src/deliver/warehouse/postgres.js';

/** The PostgreSQL server the tests use: the one scripts/ensure-system.mjs starts, or UPTAKE_TEST_POSTGRES_URL. */
export const TEST_POSTGRES_URL = process.env.UPTAKE_TEST_POSTGRES_URL ?? 'postgres://uptake:uptake@127.0.0.1:5432/uptake_test';

/**
 * A role of the test server that owns nothing and is granted what a test gives it (scripts/ensure-system.mjs
 * makes it): the test server's URL with its name and password, or UPTAKE_TEST_POSTGRES_RW_URL.
 */
export const TEST_POSTGRES_RW_URL = process.env.UPTAKE_TEST_POSTGRES_RW_URL ?? Object.assign(new URL(TEST_POSTGRES_URL), { username: 'uptake_rw', password: 'uptake_rw' }).toString();

/**
 * A client connected to the test server, or an error saying how to start one.
 * @example const client = await connectTestPostgres(); await client.query('CREATE SCHEMA "x"')
 */
export async function connectTestPostgres(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${redactUrl(TEST_POSTGRES_URL)} (${(error as Error).message}): run \`node scripts/ensure-system.mjs --for test\` to install and start it (CI does this), or set UPTAKE_TEST_POSTGRES_URL`,
    );
  }
  return client;
}

/**
 * Drops a test's schema and closes its client; quiet when either is already gone.
 * @example afterAll(() => dropSchemaAndClose(client, schema))
 */
export async function dropSchemaAndClose(client: pg.Client | undefined, schema: string): Promise<void> {
  if (!client) return;
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
  await client.end().catch(() => undefined);
}

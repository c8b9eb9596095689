import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Pools of the API, the worker and BullMQ share the one PGlite session; the default of 1 breaks pools. */
const MAX_CONNECTIONS = 64;

/**
 * Serves a PGlite database (Postgres in WebAssembly) persisted under `dataDir` to `pg` clients on a
 * loopback port, so the same driver and migrations run with nothing installed but Node.js.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  // PGlite has one session behind every socket connection, so startup options such as BullMQ's
  // `search_path` are ignored; our tables stay in public and BullMQ's resolve through the path.
  await db.exec('SET search_path TO public, bullmq');
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: MAX_CONNECTIONS });
  await server.start();
  const conn = server.getServerConn();
  return {
    url: `postgres://postgres@${conn}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';

import { ProtocolQueue } from './protocol-queue';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves a PGlite database (Postgres in WebAssembly) persisted under `dataDir` to `pg` clients on a
 * loopback port, so the same driver and migrations run with nothing installed but Node.js. Each
 * connection gets pglite-socket's protocol handler, all of them one queue that keeps their
 * statements apart (see ProtocolQueue).
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  // PGlite has one session behind every socket connection, so startup options such as BullMQ's
  // `search_path` are ignored; our tables stay in public and BullMQ's resolve through the path.
  await db.exec('SET search_path TO public, bullmq');
  const queue = new ProtocolQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const server: Server = createServer((socket) => {
    const handler = new PGLiteSocketHandler({
      queryQueue: queue as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'],
      closeOnDetach: true,
    });
    handlers.add(handler);
    socket.once('close', () => handlers.delete(handler));
    void handler.attach(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}

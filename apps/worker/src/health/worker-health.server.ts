import { createServer, type Server } from 'node:http';

import { HealthService } from '@docket/core';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

export const WORKER_HEALTH_PORT = Symbol('WORKER_HEALTH_PORT');

/** GET /health on the worker's own port, answering like the API's: 200, or 503 naming the failed check. */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(
    private readonly health: HealthService,
    @Inject(WORKER_HEALTH_PORT) private readonly port: number | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.port === undefined) return;
    this.server = createServer((req, res) => {
      if (req.url !== '/health') {
        res.writeHead(404).end();
        return;
      }
      this.health.check().then(
        (report) => {
          res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify(report));
        },
        (error: Error) => {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'error', error: { check: { status: 'down', message: error.message } } }));
        },
      );
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(this.port, '0.0.0.0', resolve));
  }

  /** The port actually bound (the configured one, or the one the OS chose for 0). */
  address(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}

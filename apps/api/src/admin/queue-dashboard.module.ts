import { AuthService, DOCKET_CONFIG, QueueService, type RuntimeConfig, TeamAccessService } from '@docket/core';
import { Inject, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import type { RequestHandler } from 'express';

import { mountedAt, QUEUE_DASHBOARD_PATH, queueDashboardAuth, queueDashboardBoard } from './queue-dashboard';

/**
 * Bull Board at /admin/queues, behind `queueDashboardAuth`. Mounted as Nest middleware rather than from
 * createApiApp so it runs after the request logger (a request id and a log line for every board request).
 */
@Module({})
export class QueueDashboardModule implements NestModule {
  constructor(
    @Inject(DOCKET_CONFIG) private readonly config: RuntimeConfig,
    private readonly auth: AuthService,
    private readonly teamAccess: TeamAccessService,
    private readonly queues: QueueService,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    const guard = queueDashboardAuth({
      credentials: this.config.adminCredentials,
      auth: this.auth,
      teamAccess: this.teamAccess,
    });
    const board = queueDashboardBoard(this.queues.allQueues());
    // Guard and board as one middleware, so that no ordering of middleware can reach the board past the guard.
    const dashboard: RequestHandler = (req, res, next) => guard(req, res, () => void board(req, res, next));
    consumer
      .apply(mountedAt(QUEUE_DASHBOARD_PATH, dashboard))
      .forRoutes(
        { path: QUEUE_DASHBOARD_PATH, method: RequestMethod.ALL },
        { path: `${QUEUE_DASHBOARD_PATH}/*path`, method: RequestMethod.ALL },
      );
  }
}

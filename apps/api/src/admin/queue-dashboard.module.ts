import { AuthService, DOCKET_CONFIG, QueueService, type RuntimeConfig, TeamAccessService } from '@docket/core';
import { Inject, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';

import { QUEUE_DASHBOARD_PATH, queueDashboardAuth, queueDashboardBoard } from './queue-dashboard';

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
    // A path without wildcard is mounted with Express `use()`: the board sees the path below /admin/queues.
    consumer
      .apply(guard, queueDashboardBoard(this.queues.allQueues()))
      .forRoutes({ path: QUEUE_DASHBOARD_PATH, method: RequestMethod.ALL });
  }
}

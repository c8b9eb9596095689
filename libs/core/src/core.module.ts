import { ENTITIES } from '@docket/data';
import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuthService } from './auth/auth.service';
import { DocketConfigModule, type RuntimeConfig } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoService } from './demo/demo.service';
import { HealthService } from './health/health.service';
import type { LoggingOptions } from './logging/logging.module';
import { MailService } from './mail/mail.service';
import { TokenPurgeService } from './maintenance/token-purge.service';
import { DOCKET_APP, MetricsService } from './metrics/metrics.service';
import { QueuesModule } from './queues/queues.module';
import { ActivityService } from './recommendations/activity.service';
import { RecommendationsService } from './recommendations/recommendations.service';
import { TeamAccessService } from './teams/team-access.service';
import { TeamsService } from './teams/teams.service';
import { WorkflowService } from './workflow/workflow.service';

const SERVICES = [
  ActivityService,
  AuthService,
  DemoService,
  HealthService,
  MailService,
  MetricsService,
  RecommendationsService,
  TeamsService,
  TeamAccessService,
  TokenPurgeService,
  WorkflowService,
];

/** Everything both apps share: settings, the database, the queues and the feature services. */
@Module({})
export class CoreModule {
  static forRoot(config: RuntimeConfig, logging: LoggingOptions): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [
        DocketConfigModule.forRoot(config),
        DatabaseModule,
        TypeOrmModule.forFeature(ENTITIES),
        QueuesModule,
        TerminusModule.forRoot({ logger: false }),
      ],
      providers: [...SERVICES, { provide: DOCKET_APP, useValue: logging.app }],
      exports: [...SERVICES, TypeOrmModule],
    };
  }
}

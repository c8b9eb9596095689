import { ENTITIES } from '@docket/data';
import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuthService } from './auth/auth.service';
import { DocketConfigModule, type RuntimeConfig } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoService } from './demo/demo.service';
import { HealthService } from './health/health.service';
import { TokenPurgeService } from './maintenance/token-purge.service';
import { QueuesModule } from './queues/queues.module';
import { TeamAccessService } from './teams/team-access.service';
import { TeamsService } from './teams/teams.service';

const SERVICES = [AuthService, DemoService, HealthService, TeamsService, TeamAccessService, TokenPurgeService];

/** Everything both apps share: settings, the database, the queues and the feature services. */
@Module({})
export class CoreModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [DocketConfigModule.forRoot(config), DatabaseModule, TypeOrmModule.forFeature(ENTITIES), QueuesModule],
      providers: SERVICES,
      exports: [...SERVICES, TypeOrmModule],
    };
  }
}

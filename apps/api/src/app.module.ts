import { CoreModule, loggingModule, type RuntimeConfig } from '@docket/core';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { DestinationStream } from 'pino';

import { ActionItemsResolver, RecommendationActionItemsResolver } from './action-items/action-items.resolver';
import { QueueDashboardModule } from './admin/queue-dashboard.module';
import { AuthGuard } from './auth/auth.guard';
import { AuthResolver } from './auth/auth.resolver';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarResolver } from './calendar/calendar.resolver';
import {
  ActivityCommentResolver,
  CommentsResolver,
  RecommendationCommentsResolver,
} from './comments/comments.resolver';
import { GraphqlConfigModule } from './graphql/graphql-config.module';
import { InputValidationPipe } from './graphql/input-validation.pipe';
import { HealthController } from './health/health.controller';
import { ImportsResolver } from './imports/imports.resolver';
import { LiveUpdatesResolver } from './live/live-updates.resolver';
import { NotificationsResolver } from './notifications/notifications.resolver';
import { OwnerProgressResolver, ProgressResolver } from './progress/progress.resolver';
import {
  RecommendationConnectionResolver,
  RecommendationListResolver,
} from './recommendations/recommendation-list.resolver';
import { ActivityResolver, RecommendationsResolver } from './recommendations/recommendations.resolver';
import { RecommendationRemindersResolver, TeamReminderPolicyResolver } from './reminders/reminders.resolver';
import { RecommendationSourceResolver, SourcesResolver } from './sources/sources.resolver';
import { StakeholderResolver, StakeholdersResolver } from './stakeholders/stakeholders.resolver';
import { MembershipResolver, TeamsResolver } from './teams/teams.resolver';
import { TeamWebhooksResolver, WebhooksResolver } from './webhooks/webhooks.resolver';
import { WorkflowResolver } from './workflow/workflow.resolver';

/** Every resolver of the API; `emit-schema` builds `schema.gql` from the same list. */
export const RESOLVERS = [
  AuthResolver,
  CalendarResolver,
  TeamsResolver,
  MembershipResolver,
  WorkflowResolver,
  RecommendationsResolver,
  ActivityResolver,
  RecommendationListResolver,
  RecommendationConnectionResolver,
  ProgressResolver,
  OwnerProgressResolver,
  SourcesResolver,
  RecommendationSourceResolver,
  ImportsResolver,
  StakeholdersResolver,
  StakeholderResolver,
  ActionItemsResolver,
  RecommendationActionItemsResolver,
  CommentsResolver,
  RecommendationCommentsResolver,
  ActivityCommentResolver,
  TeamReminderPolicyResolver,
  RecommendationRemindersResolver,
  NotificationsResolver,
  LiveUpdatesResolver,
  WebhooksResolver,
  TeamWebhooksResolver,
];

@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig, logStream?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, { app: 'api', stream: logStream }),
        loggingModule(config, { app: 'api', stream: logStream }),
        GraphqlConfigModule,
        QueueDashboardModule,
      ],
      controllers: [HealthController, CalendarController],
      providers: [
        ...RESOLVERS,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: InputValidationPipe },
      ],
    };
  }
}

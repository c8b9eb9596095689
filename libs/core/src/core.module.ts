import { ENTITIES } from '@docket/data';
import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ActionItemsService } from './action-items/action-items.service';
import { AuthService } from './auth/auth.service';
import { CalendarService } from './calendar/calendar.service';
import { CommentsService } from './comments/comments.service';
import { DocketConfigModule, type RuntimeConfig } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoService } from './demo/demo.service';
import { AfterCommit } from './events/after-commit';
import { DomainEvents } from './events/domain-events';
import { HealthService } from './health/health.service';
import { ImportsService } from './imports/imports.service';
import { LiveModule } from './live/live.module';
import type { LoggingOptions } from './logging/logging.module';
import { MailService } from './mail/mail.service';
import { TokenPurgeService } from './maintenance/token-purge.service';
import { DOCKET_APP, MetricsService } from './metrics/metrics.service';
import { ActivityDispatcher } from './notifications/activity-dispatcher.service';
import { ActivityFanOut } from './notifications/activity-fan-out.service';
import { EmailSender } from './notifications/email-sender.service';
import { NotificationsService } from './notifications/notifications.service';
import { QueuesModule } from './queues/queues.module';
import { ActivityService } from './recommendations/activity.service';
import { ProgressReportService } from './recommendations/progress-report.service';
import { RecommendationQueryService } from './recommendations/recommendation-query.service';
import { RecommendationsService } from './recommendations/recommendations.service';
import { ReminderPolicyService } from './reminders/reminder-policy.service';
import { ReminderScheduler } from './reminders/reminder-scheduler.service';
import { ReminderSender } from './reminders/reminder-sender.service';
import { SourcesService } from './sources/sources.service';
import { StakeholdersService } from './stakeholders/stakeholders.service';
import { TeamAccessService } from './teams/team-access.service';
import { TeamsService } from './teams/teams.service';
import { WebhookSender } from './webhooks/webhook-sender.service';
import { WebhooksService } from './webhooks/webhooks.service';
import { WorkflowService } from './workflow/workflow.service';

const SERVICES = [
  AfterCommit,
  DomainEvents,
  ActionItemsService,
  ActivityDispatcher,
  ActivityFanOut,
  ActivityService,
  AuthService,
  CalendarService,
  CommentsService,
  DemoService,
  EmailSender,
  HealthService,
  ImportsService,
  MailService,
  MetricsService,
  NotificationsService,
  ProgressReportService,
  RecommendationQueryService,
  RecommendationsService,
  ReminderPolicyService,
  ReminderScheduler,
  ReminderSender,
  SourcesService,
  StakeholdersService,
  TeamsService,
  TeamAccessService,
  TokenPurgeService,
  WebhookSender,
  WebhooksService,
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
        LiveModule,
        TerminusModule.forRoot({ logger: false }),
      ],
      providers: [...SERVICES, { provide: DOCKET_APP, useValue: logging.app }],
      exports: [...SERVICES, TypeOrmModule],
    };
  }
}

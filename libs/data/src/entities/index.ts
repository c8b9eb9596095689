import { ActionItemEntity } from './action-item.entity';
import { ActivityEntity } from './activity.entity';
import { ApiTokenEntity } from './api-token.entity';
import { CommentEntity } from './comment.entity';
import { CommentMentionEntity } from './comment-mention.entity';
import { EmailDeliveryEntity } from './email-delivery.entity';
import { MembershipEntity } from './membership.entity';
import { NotificationEntity } from './notification.entity';
import { RecommendationEntity } from './recommendation.entity';
import { SentReminderEntity } from './sent-reminder.entity';
import { SourceEntity } from './source.entity';
import { StakeholderEntity } from './stakeholder.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';
import { WebhookEntity } from './webhook.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

export {
  EmailDeliveryEntity,
  NotificationEntity,
  SentReminderEntity,
  ActionItemEntity,
  ActivityEntity,
  ApiTokenEntity,
  CommentEntity,
  CommentMentionEntity,
  MembershipEntity,
  RecommendationEntity,
  SourceEntity,
  StakeholderEntity,
  TeamEntity,
  UserEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
};
export type { ApiTokenKind } from './api-token.entity';
export type { EmailDeliveryStatus } from './email-delivery.entity';
export type { StoredReminderPolicy } from './team.entity';

export const ENTITIES = [
  NotificationEntity,
  EmailDeliveryEntity,
  SentReminderEntity,
  UserEntity,
  ApiTokenEntity,
  TeamEntity,
  MembershipEntity,
  RecommendationEntity,
  ActivityEntity,
  SourceEntity,
  StakeholderEntity,
  ActionItemEntity,
  CommentEntity,
  CommentMentionEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
];

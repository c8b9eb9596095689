import { ActivityEntity, type CommentEntity, NotificationEntity, type RecommendationEntity } from '@docket/data';
import { type ActivityKind, notFound } from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { CommentsService } from '../comments/comments.service';
import { RecommendationsService } from '../recommendations/recommendations.service';
import { TeamAccessService } from '../teams/team-access.service';
import { isTeamActivityMessage, isUserNotificationMessage, teamChannel, userChannel } from './live-channels';
import { LivePubSub } from './live-pubsub';
import { LiveStream } from './live-stream';

/** One committed activity of a team, reloaded for one subscriber. */
export interface RecommendationChange {
  kind: ActivityKind;
  recommendation: RecommendationEntity;
  activity: ActivityEntity | null;
}

/**
 * The streams behind GraphQL subscriptions. Access is checked when a subscription starts (NOT_FOUND for
 * outsiders) and again on every event, by reloading through the viewer's membership: someone who
 * leaves a team stops seeing its updates at once.
 */
@Injectable()
export class LiveUpdatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pubsub: LivePubSub,
    private readonly access: TeamAccessService,
    private readonly recommendations: RecommendationsService,
    private readonly comments: CommentsService,
  ) {}

  async recommendationChanges(viewerId: string, teamKey: string): Promise<LiveStream<RecommendationChange>> {
    const team = await this.access.requireTeam(viewerId, teamKey, 'READ');
    return LiveStream.open(this.pubsub, teamChannel(team.id), async (message) => {
      if (!isTeamActivityMessage(message) || message.teamId !== team.id) return undefined;
      const recommendation = await this.recommendations.findVisible(viewerId, message.recommendationId);
      if (!recommendation || recommendation.teamId !== team.id) return undefined;
      const activity = await this.dataSource.getRepository(ActivityEntity).findOneBy({ id: message.activityId });
      return { kind: activity?.kind ?? message.kind, recommendation, activity };
    });
  }

  /** Comments added to one recommendation, from the COMMENT_ADDED activities of its team's channel. */
  async commentsAdded(viewerId: string, recommendationId: string): Promise<LiveStream<CommentEntity>> {
    const subscribed = await this.recommendations.findVisible(viewerId, recommendationId);
    if (!subscribed) throw notFound('Recommendation');
    return LiveStream.open(this.pubsub, teamChannel(subscribed.teamId), async (message) => {
      if (!isTeamActivityMessage(message) || message.kind !== 'COMMENT_ADDED' || !message.commentId) return undefined;
      if (message.recommendationId !== recommendationId) return undefined;
      if (!(await this.recommendations.findVisible(viewerId, recommendationId))) return undefined;
      const [comment] = await this.comments.findByIds([message.commentId]);
      return comment?.recommendationId === recommendationId ? comment : undefined;
    });
  }

  /** The user's own new in-app notifications, wherever they were written (API or worker). */
  notificationsAdded(userId: string): Promise<LiveStream<NotificationEntity>> {
    return LiveStream.open(this.pubsub, userChannel(userId), async (message) => {
      if (!isUserNotificationMessage(message) || message.userId !== userId) return undefined;
      const notification = await this.dataSource
        .getRepository(NotificationEntity)
        .findOneBy({ id: message.notificationId, userId });
      return notification ?? undefined;
    });
  }
}

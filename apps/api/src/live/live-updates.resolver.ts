import { type LiveStream, LiveUpdatesService, type RecommendationChange, type Viewer } from '@docket/core';
import type { CommentEntity, NotificationEntity } from '@docket/data';
import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import { toCommentModel } from '../comments/models/comment.mapper';
import { CommentModel } from '../comments/models/comment.model';
import type { GraphqlContext } from '../graphql/graphql-context';
import { UuidPipe } from '../graphql/uuid.pipe';
import { NotificationModel } from '../notifications/models/notification.model';
import { toNotificationModel } from '../notifications/notifications.resolver';
import { toActivityModel, toRecommendationModel } from '../recommendations/models/recommendation.mapper';
import { RecommendationEventModel } from './models/recommendation-event.model';

/**
 * A subscription's context lives as long as the subscription, and its DataLoaders would cache rows
 * from the first event forever: every event starts from empty caches.
 */
function freshLoaders(ctx: GraphqlContext): void {
  for (const loader of Object.values(ctx.loaders) as Array<{ clearAll(): unknown }>) loader.clearAll();
}

/**
 * Live updates over graphql-ws. Subscribing checks access (NOT_FOUND for outsiders); each event is reloaded
 * from Postgres for the subscriber, through their membership, before it is resolved like any query.
 */
@Resolver()
export class LiveUpdatesResolver {
  constructor(private readonly live: LiveUpdatesService) {}

  @Subscription(() => RecommendationEventModel, {
    description: "Each committed change of the team's recommendations.",
    resolve: (change: RecommendationChange, _args: unknown, ctx: GraphqlContext): RecommendationEventModel => {
      freshLoaders(ctx);
      return {
        kind: change.kind,
        recommendation: toRecommendationModel(change.recommendation),
        activity: change.activity ? toActivityModel(change.activity) : null,
      };
    },
  })
  recommendationChanged(
    @CurrentViewer() viewer: Viewer,
    @Args('teamKey') teamKey: string,
  ): Promise<LiveStream<RecommendationChange>> {
    return this.live.recommendationChanges(viewer.user.id, teamKey);
  }

  @Subscription(() => CommentModel, {
    description: 'Each comment added to the recommendation, replies included.',
    resolve: (comment: CommentEntity, _args: unknown, ctx: GraphqlContext): CommentModel => {
      freshLoaders(ctx);
      return toCommentModel(comment);
    },
  })
  commentAdded(
    @CurrentViewer() viewer: Viewer,
    @Args('recommendationId', { type: () => ID }, UuidPipe) recommendationId: string,
  ): Promise<LiveStream<CommentEntity>> {
    return this.live.commentsAdded(viewer.user.id, recommendationId);
  }

  @Subscription(() => NotificationModel, {
    description: "The caller's own new in-app notifications.",
    resolve: (notification: NotificationEntity, _args: unknown, ctx: GraphqlContext): NotificationModel => {
      freshLoaders(ctx);
      return toNotificationModel(notification);
    },
  })
  notificationAdded(@CurrentViewer() viewer: Viewer): Promise<LiveStream<NotificationEntity>> {
    return this.live.notificationsAdded(viewer.user.id);
  }
}

import { NotificationsService, type Viewer } from '@docket/core';
import type { NotificationEntity } from '@docket/data';
import { assertUuid } from '@docket/domain';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import { toConnection } from '../graphql/connection';
import type { GraphqlContext } from '../graphql/graphql-context';
import { toRecommendationModel } from '../recommendations/models/recommendation.mapper';
import { RecommendationModel } from '../recommendations/models/recommendation.model';
import { NotificationConnectionModel, NotificationModel } from './models/notification.model';

export const toNotificationModel = (n: NotificationEntity): NotificationModel => ({
  id: n.id,
  recommendationId: n.recommendationId,
  kind: n.kind,
  title: n.title,
  body: n.body,
  createdAt: n.createdAt,
  readAt: n.readAt,
});

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly notificationsService: NotificationsService) {}

  @Query(() => NotificationConnectionModel, { description: "The caller's notifications, newest first." })
  async notifications(
    @CurrentViewer() viewer: Viewer,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly: boolean | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<NotificationConnectionModel> {
    const page = await this.notificationsService.page(viewer.user.id, unreadOnly ?? false, first ?? 50, after ?? null);
    return { ...toConnection(page, after, toNotificationModel), totalCount: page.totalCount };
  }

  @Mutation(() => Int, { description: 'Marks these, or all when ids is null; returns how many changed.' })
  markNotificationsRead(
    @CurrentViewer() viewer: Viewer,
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null,
  ): Promise<number> {
    const checked = ids ? ids.map((id, index) => assertUuid(id, `ids[${index}]`)) : null;
    return this.notificationsService.markRead(viewer.user.id, checked);
  }

  @ResolveField(() => RecommendationModel, { nullable: true })
  async recommendation(
    @CurrentViewer() viewer: Viewer,
    @Parent() notification: NotificationModel,
    @Context() ctx: GraphqlContext,
  ): Promise<RecommendationModel | null> {
    if (!notification.recommendationId) return null;
    const recommendation = await ctx.loaders.recommendation.load(notification.recommendationId);
    if (!recommendation) return null;
    // One who has left the team sees nothing of it any more, not even through an old notification.
    const members = await ctx.loaders.teamMembers.load(recommendation.teamId);
    return members.some((m) => m.userId === viewer.user.id) ? toRecommendationModel(recommendation) : null;
  }
}

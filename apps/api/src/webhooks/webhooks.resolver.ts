import { type Viewer, WebhooksService } from '@docket/core';
import type { WebhookDeliveryEntity } from '@docket/data';
import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { UuidPipe } from '../graphql/uuid.pipe';
import { TeamModel } from '../teams/models/team.model';
import { CreateWebhookInput } from './dto/create-webhook.input';
import { toWebhookDeliveryModel, toWebhookModel } from './models/webhook.mapper';
import { WebhookDeliveryModel, WebhookModel } from './models/webhook.model';

@Resolver(() => WebhookModel)
export class WebhooksResolver {
  /** One loader per request and page size, so a team's webhooks load their deliveries in one statement. */
  private readonly deliveryLoaders = new WeakMap<
    GraphqlContext,
    Map<number, DataLoader<string, WebhookDeliveryEntity[]>>
  >();

  constructor(private readonly webhooks: WebhooksService) {}

  @Mutation(() => WebhookModel, { description: 'ADMIN only.' })
  async createWebhook(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateWebhookInput,
  ): Promise<WebhookModel> {
    return toWebhookModel(await this.webhooks.create(viewer.user.id, input));
  }

  @Mutation(() => Boolean, { description: 'ADMIN of its team.' })
  deleteWebhook(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }, UuidPipe) id: string,
  ): Promise<boolean> {
    return this.webhooks.delete(viewer.user.id, id);
  }

  @Mutation(() => WebhookDeliveryModel, {
    description: 'Sends a delivery again: the same body under the same id, back to PENDING. ADMIN only.',
  })
  async redeliverWebhook(
    @CurrentViewer() viewer: Viewer,
    @Args('deliveryId', { type: () => ID }, UuidPipe) deliveryId: string,
  ): Promise<WebhookDeliveryModel> {
    return toWebhookDeliveryModel(await this.webhooks.redeliver(viewer.user.id, deliveryId));
  }

  @ResolveField(() => [WebhookDeliveryModel], { description: 'The latest deliveries, newest first.' })
  async deliveries(
    @Parent() webhook: WebhookModel,
    @Context() ctx: GraphqlContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
  ): Promise<WebhookDeliveryModel[]> {
    const rows = await this.deliveryLoader(ctx, first ?? 20).load(webhook.id);
    return rows.map(toWebhookDeliveryModel);
  }

  private deliveryLoader(ctx: GraphqlContext, first: number): DataLoader<string, WebhookDeliveryEntity[]> {
    let bySize = this.deliveryLoaders.get(ctx);
    if (!bySize) this.deliveryLoaders.set(ctx, (bySize = new Map()));
    let loader = bySize.get(first);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const found = await this.webhooks.latestDeliveries(ids, first);
        return ids.map((id) => found.get(id) ?? []);
      });
      bySize.set(first, loader);
    }
    return loader;
  }
}

@Resolver(() => TeamModel)
export class TeamWebhooksResolver {
  constructor(private readonly webhooksService: WebhooksService) {}

  @ResolveField(() => [WebhookModel], {
    description: "The team's webhooks, oldest first. ADMINs only: for other members the list is empty.",
  })
  async webhooks(@Parent() team: TeamModel, @Context() ctx: GraphqlContext): Promise<WebhookModel[]> {
    // Empty rather than FORBIDDEN: `team { webhooks }` is then harmless in a query any member may run.
    // The viewer is read, not required: a team can also be reached under a public root field (register).
    const viewerId = ctx.viewer?.user.id;
    if (!viewerId) return [];
    const members = await ctx.loaders.teamMembers.load(team.id);
    const role = members.find((membership) => membership.userId === viewerId)?.role;
    if (role !== 'ADMIN') return [];
    return (await this.webhooksService.listForTeam(team.id)).map(toWebhookModel);
  }
}

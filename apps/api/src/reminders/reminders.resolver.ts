import { policyOf, ReminderPolicyService, type Viewer } from '@docket/core';
import type { ReminderPolicy } from '@docket/domain';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import type { GraphqlContext } from '../graphql/graphql-context';
import { UuidPipe } from '../graphql/uuid.pipe';
import { toRecommendationModel } from '../recommendations/models/recommendation.mapper';
import { RecommendationModel } from '../recommendations/models/recommendation.model';
import { TeamModel } from '../teams/models/team.model';
import { ReminderPolicyInput } from './dto/reminder-policy.input';
import { ReminderPolicyModel, ScheduledReminderModel } from './models/reminder-policy.model';

const toPolicyModel = (policy: ReminderPolicy): ReminderPolicyModel => ({
  remindBefore: [...policy.remindBefore],
  remindOnDue: policy.remindOnDue,
  overdueEvery: policy.overdueEvery,
  escalateAfter: policy.escalateAfter,
  channels: [...policy.channels],
});

@Resolver(() => TeamModel)
export class TeamReminderPolicyResolver {
  constructor(private readonly reminders: ReminderPolicyService) {}

  @ResolveField(() => ReminderPolicyModel)
  async reminderPolicy(@Parent() team: TeamModel, @Context() ctx: GraphqlContext): Promise<ReminderPolicyModel> {
    const entity = await ctx.loaders.team.load(team.id);
    if (!entity) throw new Error(`Team ${team.id} vanished`);
    return toPolicyModel(policyOf(entity));
  }

  @Mutation(() => ReminderPolicyModel)
  async setReminderPolicy(
    @CurrentViewer() viewer: Viewer,
    @Args('teamKey') teamKey: string,
    @Args('input') input: ReminderPolicyInput,
  ): Promise<ReminderPolicyModel> {
    return toPolicyModel(await this.reminders.setPolicy(viewer.user.id, teamKey, input));
  }
}

@Resolver(() => RecommendationModel)
export class RecommendationRemindersResolver {
  constructor(private readonly reminders: ReminderPolicyService) {}

  @Mutation(() => RecommendationModel, { description: 'Hold reminders until then; null lifts the snooze.' })
  async snoozeReminders(
    @CurrentViewer() viewer: Viewer,
    @Args('recommendationId', { type: () => ID }, UuidPipe) recommendationId: string,
    @Args('until', { type: () => Date, nullable: true }) until: Date | null,
  ): Promise<RecommendationModel> {
    return toRecommendationModel(await this.reminders.snooze(viewer.user.id, recommendationId, until ?? null));
  }

  @ResolveField(() => [ScheduledReminderModel], { description: "The reminders still to come under the team's policy." })
  async upcomingReminders(
    @Parent() recommendation: RecommendationModel,
    @Context() ctx: GraphqlContext,
  ): Promise<ScheduledReminderModel[]> {
    const team = await ctx.loaders.team.load(recommendation.teamId);
    if (!team) return [];
    return this.reminders
      .upcoming(recommendation, team)
      .map((occurrence) => ({ kind: occurrence.kind, fireAt: occurrence.fireAt }));
  }
}

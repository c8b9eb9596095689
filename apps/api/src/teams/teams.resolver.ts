import { TeamAccessService, TeamsService, type Viewer } from '@docket/core';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { CurrentViewer } from '../auth/current-viewer.decorator';
import { toUserModel } from '../auth/models/user.mapper';
import { UserModel } from '../auth/models/user.model';
import type { GraphqlContext } from '../graphql/graphql-context';
import { UuidPipe } from '../graphql/uuid.pipe';
import { AddTeamMemberInput, CreateTeamInput, UpdateTeamMemberInput } from './dto/team.inputs';
import { MembershipModel } from './models/membership.model';
import { toMembershipModel, toTeamModel } from './models/team.mapper';
import { TeamModel } from './models/team.model';

@Resolver(() => TeamModel)
export class TeamsResolver {
  constructor(
    private readonly teamsService: TeamsService,
    private readonly access: TeamAccessService,
  ) {}

  @Query(() => [TeamModel], { description: 'The teams the caller belongs to.' })
  async teams(@CurrentViewer() viewer: Viewer): Promise<TeamModel[]> {
    return (await this.teamsService.listTeams(viewer.user.id)).map(toTeamModel);
  }

  @Query(() => TeamModel, { nullable: true, description: 'A team the caller belongs to; null otherwise.' })
  async team(@CurrentViewer() viewer: Viewer, @Args('key') key: string): Promise<TeamModel | null> {
    const found = await this.access.findByKey(viewer.user.id, key);
    return found?.role ? toTeamModel(found.team) : null;
  }

  @Mutation(() => TeamModel)
  async createTeam(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateTeamInput): Promise<TeamModel> {
    return toTeamModel(await this.teamsService.createTeam(viewer.user.id, input));
  }

  @Mutation(() => MembershipModel)
  async addTeamMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AddTeamMemberInput,
  ): Promise<MembershipModel> {
    return toMembershipModel(await this.teamsService.addMember(viewer.user.id, input));
  }

  @Mutation(() => MembershipModel)
  async updateTeamMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateTeamMemberInput,
  ): Promise<MembershipModel> {
    return toMembershipModel(
      await this.teamsService.updateMember(viewer.user.id, input.teamKey, input.userId, input.role),
    );
  }

  @Mutation(() => Boolean)
  removeTeamMember(
    @CurrentViewer() viewer: Viewer,
    @Args('teamKey') teamKey: string,
    @Args('userId', { type: () => ID }, UuidPipe) userId: string,
  ): Promise<boolean> {
    return this.teamsService.removeMember(viewer.user.id, teamKey, userId);
  }

  @ResolveField(() => [MembershipModel])
  async members(@Parent() team: TeamModel, @Context() ctx: GraphqlContext): Promise<MembershipModel[]> {
    return (await ctx.loaders.teamMembers.load(team.id)).map(toMembershipModel);
  }
}

@Resolver(() => MembershipModel)
export class MembershipResolver {
  @ResolveField(() => UserModel)
  async user(@Parent() membership: MembershipModel, @Context() ctx: GraphqlContext): Promise<UserModel> {
    const user = await ctx.loaders.user.load(membership.userId);
    if (!user) throw new Error(`Membership of missing user ${membership.userId}`);
    return toUserModel(user);
  }

  @ResolveField(() => TeamModel)
  async team(@Parent() membership: MembershipModel, @Context() ctx: GraphqlContext): Promise<TeamModel> {
    const team = await ctx.loaders.team.load(membership.teamId);
    if (!team) throw new Error(`Membership of missing team ${membership.teamId}`);
    return toTeamModel(team);
  }
}

import {
  ActionItemsService,
  type ActivityPage,
  type ActivityPageRequest,
  ActivityService,
  type CommentPage,
  type CommentPageRequest,
  CommentsService,
  RecommendationsService,
  SourcesService,
  StakeholdersService,
  TeamsService,
} from '@docket/core';
import {
  type ActionItemEntity,
  type CommentEntity,
  type MembershipEntity,
  type RecommendationEntity,
  type SourceEntity,
  type StakeholderEntity,
  TeamEntity,
  UserEntity,
} from '@docket/data';
import type { Progress } from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';

/** Batches every relation a GraphQL list resolves, per request, so nested queries make a fixed number of statements. */
export interface Loaders {
  user: DataLoader<string, UserEntity | null>;
  team: DataLoader<string, TeamEntity | null>;
  teamMembers: DataLoader<string, MembershipEntity[]>;
  recommendation: DataLoader<string, RecommendationEntity | null>;
  /** One page of a recommendation's activity per key; a list's pages load together. */
  activityPage: DataLoader<ActivityPageRequest, ActivityPage, string>;
  source: DataLoader<string, SourceEntity | null>;
  /** How many recommendations each source has: one statement for a whole list of sources. */
  sourceRecommendationCount: DataLoader<string, number>;
  /** By recommendation id. */
  stakeholders: DataLoader<string, StakeholderEntity[]>;
  /** By recommendation id, in position order. */
  actionItems: DataLoader<string, ActionItemEntity[]>;
  /** By recommendation id: one aggregate statement for a whole list. */
  progress: DataLoader<string, Progress>;
  comment: DataLoader<string, CommentEntity | null>;
  /** One page of a recommendation's comments per key; a list's pages load together. */
  commentPage: DataLoader<CommentPageRequest, CommentPage, string>;
  /** Comments not deleted, by recommendation id. */
  commentCount: DataLoader<string, number>;
  /** The mentioned users' ids, by comment id. */
  commentMentions: DataLoader<string, string[]>;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

@Injectable()
export class LoadersFactory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly teams: TeamsService,
    private readonly recommendations: RecommendationsService,
    private readonly activity: ActivityService,
    private readonly sources: SourcesService,
    private readonly stakeholders: StakeholdersService,
    private readonly actionItems: ActionItemsService,
    private readonly comments: CommentsService,
  ) {}

  create(): Loaders {
    return {
      user: new DataLoader(async (ids) =>
        byId(ids, await this.dataSource.getRepository(UserEntity).findBy({ id: In([...ids]) })),
      ),
      team: new DataLoader(async (ids) =>
        byId(ids, await this.dataSource.getRepository(TeamEntity).findBy({ id: In([...ids]) })),
      ),
      teamMembers: new DataLoader(async (teamIds) =>
        groupBy(teamIds, await this.teams.membersOfTeams(teamIds), (m) => m.teamId),
      ),
      recommendation: new DataLoader(async (ids) => byId(ids, await this.recommendations.findByIds(ids))),
      activityPage: new DataLoader((requests) => this.activity.pages(requests), {
        cacheKeyFn: (r) => `${r.recommendationId}|${r.first}|${r.after?.at ?? ''}|${r.after?.id ?? ''}`,
      }),
      source: new DataLoader(async (ids) => byId(ids, await this.sources.findByIds(ids))),
      sourceRecommendationCount: new DataLoader((ids) => this.sources.recommendationCounts(ids)),
      stakeholders: new DataLoader(async (ids) =>
        groupBy(ids, await this.stakeholders.ofRecommendations(ids), (s) => s.recommendationId),
      ),
      actionItems: new DataLoader(async (ids) =>
        groupBy(ids, await this.actionItems.ofRecommendations(ids), (a) => a.recommendationId),
      ),
      progress: new DataLoader((ids) => this.actionItems.progressOf(ids)),
      comment: new DataLoader(async (ids) => byId(ids, await this.comments.findByIds(ids))),
      commentPage: new DataLoader((requests) => this.comments.pages(requests), {
        cacheKeyFn: (r) => `${r.recommendationId}|${r.first}|${r.after?.at ?? ''}|${r.after?.id ?? ''}`,
      }),
      commentCount: new DataLoader((ids) => this.comments.countsOf(ids, { includeDeleted: false })),
      commentMentions: new DataLoader((ids) => this.comments.mentionedUserIds(ids)),
    };
  }
}

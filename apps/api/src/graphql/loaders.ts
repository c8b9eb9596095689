import {
  type ActivityPage,
  type ActivityPageRequest,
  ActivityService,
  RecommendationsService,
  TeamsService,
} from '@docket/core';
import { type MembershipEntity, type RecommendationEntity, TeamEntity, UserEntity } from '@docket/data';
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
    };
  }
}

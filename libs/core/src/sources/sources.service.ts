import { MembershipEntity, SourceEntity } from '@docket/data';
import { authorize, badInput, type SourceFields } from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

import { TeamAccessService } from '../teams/team-access.service';

/** Sources of recommendations. Created only inside another write (an import), so they never exist half-used. */
@Injectable()
export class SourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TeamAccessService,
  ) {}

  /** Stores a validated source (see `normalizeSource`) through the caller's transaction. */
  insert(manager: EntityManager, teamId: string, fields: SourceFields): Promise<SourceEntity> {
    return manager.save(manager.create(SourceEntity, { teamId, ...fields }));
  }

  /** The sources of one team (NOT_FOUND for a team the viewer is not in), or of all the viewer's teams. */
  async listVisible(viewerId: string, teamKey?: string | null): Promise<SourceEntity[]> {
    const query = this.dataSource
      .getRepository(SourceEntity)
      .createQueryBuilder('s')
      .innerJoin(MembershipEntity, 'm', 'm.team_id = s.team_id AND m.user_id = :viewerId', { viewerId })
      .orderBy('s.created_at', 'ASC')
      .addOrderBy('s.id', 'ASC');
    if (teamKey != null) {
      const found = await this.access.findByKey(viewerId, teamKey);
      authorize({ role: found?.role ?? null }, 'READ', `Team ${teamKey}`);
      query.andWhere('s.team_id = :teamId', { teamId: found!.team.id });
    }
    return query.getMany();
  }

  /**
   * Refuses (BAD_USER_INPUT on `field`) an id that names no source of the team: another team's source is
   * reported the same as a missing one, so ids of other teams' sources reveal nothing.
   */
  async assertInTeam(manager: EntityManager, teamId: string, sourceId: string, field: string): Promise<void> {
    if (!(await manager.exists(SourceEntity, { where: { id: sourceId, teamId } }))) {
      throw badInput(field, `no source ${sourceId} in this team`);
    }
  }

  /** Without access checks: for DataLoaders resolving relations of what the viewer already sees. */
  async findByIds(ids: readonly string[]): Promise<SourceEntity[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(SourceEntity).findBy({ id: In([...ids]) });
  }

  /** How many recommendations each source has, in one statement, in the order of `ids`. */
  async recommendationCounts(ids: readonly string[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT source_id, count(*)::int AS count FROM recommendations WHERE source_id = ANY($1::uuid[]) GROUP BY source_id`,
      [[...ids]],
    )) as Array<{ source_id: string; count: number }>;
    const counts = new Map(rows.map((row) => [row.source_id, row.count]));
    return ids.map((id) => counts.get(id) ?? 0);
  }
}

import { RecommendationEntity, StakeholderEntity } from '@docket/data';
import { assertStakeholderRole, assertUuid, authorize, stakeholderChanges, type StakeholderRole } from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

import { ActivityService } from '../recommendations/activity.service';
import { assertTeamMember, loadRecommendationActor } from './recommendation-actor.util';

export interface StakeholderParams {
  recommendationId: string;
  userId: string;
  role: StakeholderRole;
}

/**
 * A recommendation's RACI stakeholders. Adding and removing them is ASSIGN; each write bumps the
 * recommendation's version and records its activity in the same transaction.
 */
@Injectable()
export class StakeholdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activity: ActivityService,
  ) {}

  /** Adds the user, or changes their role when they already are one. */
  async add(actorId: string, params: StakeholderParams): Promise<RecommendationEntity> {
    const recommendationId = assertUuid(params.recommendationId, 'input.recommendationId');
    const userId = assertUuid(params.userId, 'input.userId');
    const role = assertStakeholderRole(params.role, 'input.role');
    return this.dataSource.transaction(async (manager) => {
      const { recommendation, actor } = await loadRecommendationActor(manager, actorId, recommendationId, {
        lock: true,
      });
      await assertTeamMember(manager, recommendation.teamId, userId, 'input.userId');
      authorize(actor, 'ASSIGN', 'Recommendation');

      const existing = await manager.findOne(StakeholderEntity, { where: { recommendationId, userId } });
      const changes = stakeholderChanges(userId, existing?.role ?? null, role);
      if (changes.length === 0) return recommendation;
      if (existing) await manager.update(StakeholderEntity, existing.id, { role });
      else await manager.insert(StakeholderEntity, { recommendationId, userId, role });
      return this.touch(manager, recommendation, actorId, 'STAKEHOLDER_ADDED', changes);
    });
  }

  /** Removing someone who is no stakeholder changes nothing. */
  async remove(actorId: string, recommendationIdArg: string, userIdArg: string): Promise<RecommendationEntity> {
    const recommendationId = assertUuid(recommendationIdArg, 'recommendationId');
    const userId = assertUuid(userIdArg, 'userId');
    return this.dataSource.transaction(async (manager) => {
      const { recommendation, actor } = await loadRecommendationActor(manager, actorId, recommendationId, {
        lock: true,
      });
      authorize(actor, 'ASSIGN', 'Recommendation');
      const existing = await manager.findOne(StakeholderEntity, { where: { recommendationId, userId } });
      if (!existing) return recommendation;
      await manager.delete(StakeholderEntity, existing.id);
      const changes = stakeholderChanges(userId, existing.role, null);
      return this.touch(manager, recommendation, actorId, 'STAKEHOLDER_REMOVED', changes);
    });
  }

  /** Every stakeholder of these recommendations, in the order they were added (for the DataLoader). */
  async ofRecommendations(recommendationIds: readonly string[]): Promise<StakeholderEntity[]> {
    if (recommendationIds.length === 0) return [];
    return this.dataSource.getRepository(StakeholderEntity).find({
      where: { recommendationId: In([...recommendationIds]) },
      order: { addedAt: 'ASC', id: 'ASC' },
    });
  }

  private async touch(
    manager: EntityManager,
    recommendation: RecommendationEntity,
    actorId: string,
    kind: 'STAKEHOLDER_ADDED' | 'STAKEHOLDER_REMOVED',
    changes: ReturnType<typeof stakeholderChanges>,
  ): Promise<RecommendationEntity> {
    // Stakeholders are part of the recommendation: a change to them is a new version of it.
    await manager.update(RecommendationEntity, recommendation.id, { version: () => 'version + 1' });
    await this.activity.record(manager, recommendation, actorId, [{ kind, changes }]);
    return manager.findOneByOrFail(RecommendationEntity, { id: recommendation.id });
  }
}

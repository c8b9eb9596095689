import { ActionItemEntity, MembershipEntity, TeamEntity } from '@docket/data';
import {
  actionItemActivityChanges,
  actionItemCompletedAt,
  type ActionItemFields,
  type ActionItemFilterInput,
  type ActionItemStatus,
  actionItemUpdateAction,
  assertActionItemStatus,
  assertActionItemTitle,
  assertPageSize,
  assertUuid,
  authorize,
  computeProgress,
  decodeCursor,
  diffActionItem,
  encodeCursor,
  normalizeActionItemFilter,
  notFound,
  type Progress,
} from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

import { ActivityService } from '../recommendations/activity.service';
import { assertTeamMember, loadRecommendationActor } from '../stakeholders/recommendation-actor.util';

export interface CreateActionItemParams {
  recommendationId: string;
  title: string;
  assigneeId?: string | null;
  dueAt?: Date | null;
}

/** Absent (undefined) leaves a field alone; null clears the assignee and the deadline. */
export interface UpdateActionItemParams {
  title?: string | null;
  status?: ActionItemStatus | null;
  assigneeId?: string | null;
  dueAt?: Date | null;
}

export interface ActionItemListRequest {
  filter?: ActionItemFilterInput | null;
  first?: number | null;
  after?: string | null;
}

export interface ActionItemListPage {
  edges: Array<{ node: ActionItemEntity; cursor: string }>;
  hasNextPage: boolean;
  totalCount: number;
}

const NOT_FOUND = 'Action item';

const fieldsOf = (item: ActionItemEntity): ActionItemFields => ({
  title: item.title,
  status: item.status,
  assignee: item.assigneeId,
  dueAt: item.dueAt,
});

/** Action items still TODO or IN_PROGRESS: what `requiresActionItemsDone` waits for. */
export async function countOpenActionItems(manager: EntityManager, recommendationId: string): Promise<number> {
  return manager.count(ActionItemEntity, { where: { recommendationId, status: In(['TODO', 'IN_PROGRESS']) } });
}

/**
 * Action items of recommendations. Each write locks the recommendation (so that a transition's count of
 * open items cannot race a new one) and records its activity in the same transaction. Checks in the
 * order of recommendations: NOT_FOUND, BAD_USER_INPUT, then FORBIDDEN.
 */
@Injectable()
export class ActionItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activity: ActivityService,
  ) {}

  async create(actorId: string, params: CreateActionItemParams): Promise<ActionItemEntity> {
    const recommendationId = assertUuid(params.recommendationId, 'input.recommendationId');
    const title = assertActionItemTitle(params.title, 'input.title');
    const assigneeId = params.assigneeId != null ? assertUuid(params.assigneeId, 'input.assigneeId') : null;
    return this.dataSource.transaction(async (manager) => {
      const { recommendation, actor } = await loadRecommendationActor(manager, actorId, recommendationId, {
        lock: true,
      });
      if (assigneeId) await assertTeamMember(manager, recommendation.teamId, assigneeId, 'input.assigneeId');
      authorize(actor, 'MANAGE_ACTION_ITEMS', 'Recommendation');

      // Safe under the recommendation's row lock: no two creations read the same last position.
      const { last } = (await manager
        .createQueryBuilder(ActionItemEntity, 'a')
        .select('COALESCE(MAX(a.position), 0)', 'last')
        .where('a.recommendation_id = :recommendationId', { recommendationId })
        .getRawOne<{ last: number }>())!;
      const item = await manager.save(
        manager.create(ActionItemEntity, {
          recommendationId,
          teamId: recommendation.teamId,
          title,
          status: 'TODO',
          assigneeId,
          dueAt: params.dueAt ?? null,
          completedAt: null,
          position: Number(last) + 1,
        }),
      );
      await this.activity.record(manager, recommendation, actorId, [
        { kind: 'ACTION_ITEM_ADDED', changes: actionItemActivityChanges(item.id, null, fieldsOf(item)) },
      ]);
      return item;
    });
  }

  async update(actorId: string, id: string, params: UpdateActionItemParams): Promise<ActionItemEntity> {
    const after: Partial<ActionItemFields> = {};
    if (params.title !== undefined) after.title = assertActionItemTitle(params.title, 'input.title');
    if (params.status !== undefined) after.status = assertActionItemStatus(params.status, 'input.status');
    if (params.assigneeId !== undefined) {
      after.assignee = params.assigneeId === null ? null : assertUuid(params.assigneeId, 'input.assigneeId');
    }
    if (params.dueAt !== undefined) after.dueAt = params.dueAt;

    return this.dataSource.transaction(async (manager) => {
      const { item, recommendationActor } = await this.loadVisible(manager, actorId, id);
      const { recommendation, actor } = recommendationActor;
      if (after.assignee) await assertTeamMember(manager, item.teamId, after.assignee, 'input.assigneeId');
      const changes = diffActionItem(fieldsOf(item), after);
      // Decided on what really changes: an assignee resending the title unchanged still only sets the status.
      const action = actionItemUpdateAction(changes.map((change) => change.field));
      authorize({ ...actor, isAssignee: item.assigneeId === actorId }, action, NOT_FOUND);
      if (changes.length === 0) return item;

      const status = after.status ?? item.status;
      await manager.update(ActionItemEntity, item.id, {
        ...('title' in after ? { title: after.title } : {}),
        ...('assignee' in after ? { assigneeId: after.assignee } : {}),
        ...('dueAt' in after ? { dueAt: after.dueAt } : {}),
        status,
        completedAt: actionItemCompletedAt(item.status, status, item.completedAt, new Date()),
      });
      const updated = await manager.findOneByOrFail(ActionItemEntity, { id: item.id });
      await this.activity.record(manager, recommendation, actorId, [
        {
          kind: 'ACTION_ITEM_UPDATED',
          changes: actionItemActivityChanges(item.id, fieldsOf(item), fieldsOf(updated)),
        },
      ]);
      return updated;
    });
  }

  async delete(actorId: string, id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const { item, recommendationActor } = await this.loadVisible(manager, actorId, id);
      const { recommendation, actor } = recommendationActor;
      authorize({ ...actor, isAssignee: item.assigneeId === actorId }, 'MANAGE_ACTION_ITEMS', NOT_FOUND);
      await manager.delete(ActionItemEntity, item.id);
      // There is no ACTION_ITEM_REMOVED kind: a deletion is the update that takes the item to null.
      await this.activity.record(manager, recommendation, actorId, [
        { kind: 'ACTION_ITEM_UPDATED', changes: actionItemActivityChanges(item.id, fieldsOf(item), null) },
      ]);
      return true;
    });
  }

  /** Every action item of these recommendations, in position order (for the DataLoader). */
  async ofRecommendations(recommendationIds: readonly string[]): Promise<ActionItemEntity[]> {
    if (recommendationIds.length === 0) return [];
    return this.dataSource.getRepository(ActionItemEntity).find({
      where: { recommendationId: In([...recommendationIds]) },
      order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Progress of each recommendation, in the order asked, by one aggregate statement. */
  async progressOf(recommendationIds: readonly string[]): Promise<Progress[]> {
    if (recommendationIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT recommendation_id,
              count(*) FILTER (WHERE status <> 'CANCELED')::int AS total,
              count(*) FILTER (WHERE status = 'DONE')::int AS done
         FROM action_items
        WHERE recommendation_id = ANY($1::uuid[])
        GROUP BY recommendation_id`,
      [[...new Set(recommendationIds)]],
    )) as Array<{ recommendation_id: string; total: number; done: number }>;
    const byId = new Map(rows.map((row) => [row.recommendation_id, row]));
    return recommendationIds.map((id) => computeProgress(byId.get(id)?.total ?? 0, byId.get(id)?.done ?? 0));
  }

  /**
   * The `actionItems` list: the items of the viewer's teams (a named team they are not in is NOT_FOUND),
   * filtered, oldest first by keyset on (created_at, id).
   */
  async list(viewerId: string, request: ActionItemListRequest): Promise<ActionItemListPage> {
    // Everything the client sent is checked before anything is read.
    const spec = normalizeActionItemFilter(request.filter, 'filter');
    const first = assertPageSize(request.first, 'first');
    const after = request.after == null ? null : decodeCursor(request.after, 'after');

    const query = this.dataSource
      .getRepository(ActionItemEntity)
      .createQueryBuilder('a')
      .innerJoin(MembershipEntity, 'm', 'm.team_id = a.team_id AND m.user_id = :viewerId', { viewerId });
    if (spec.teamKey !== undefined) {
      const team = await this.dataSource
        .getRepository(TeamEntity)
        .createQueryBuilder('t')
        .innerJoin(MembershipEntity, 'tm', 'tm.team_id = t.id AND tm.user_id = :viewerId', { viewerId })
        .where('t.key = :teamKey', { teamKey: spec.teamKey })
        .getOne();
      if (!team) throw notFound(`Team ${spec.teamKey}`);
      query.andWhere('a.team_id = :teamId', { teamId: team.id });
    }
    if (spec.recommendationId) query.andWhere('a.recommendation_id = :recId', { recId: spec.recommendationId });
    if (spec.assigneeId) query.andWhere('a.assignee_id = :assigneeId', { assigneeId: spec.assigneeId });
    if (spec.statuses)
      query.andWhere('a.status IN (:...statuses)', { statuses: spec.statuses.length ? spec.statuses : [''] });
    if (spec.overdue !== undefined) {
      // The SQL twin of isActionItemOverdue.
      const overdue = `(a.due_at IS NOT NULL AND a.due_at < now() AND a.status IN ('TODO', 'IN_PROGRESS'))`;
      query.andWhere(spec.overdue ? overdue : `NOT ${overdue}`);
    }
    const totalCount = await query.clone().getCount();
    if (after) {
      query.andWhere('(a.created_at, a.id) > (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', {
        afterAt: after.at,
        afterId: after.id,
      });
    }
    // One more than asked: whether it comes back is hasNextPage.
    const { entities, raw } = await query
      .addSelect(`to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'at')
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(first + 1)
      .getRawAndEntities<{ a_id: string; at: string }>();
    const atOf = new Map(raw.map((row) => [row.a_id, row.at]));
    return {
      edges: entities.slice(0, first).map((node) => ({
        node,
        cursor: encodeCursor({ at: atOf.get(node.id)!, id: node.id }),
      })),
      hasNextPage: entities.length > first,
      totalCount,
    };
  }

  /** Without access checks: for DataLoaders resolving what the viewer already sees. */
  async findByIds(ids: readonly string[]): Promise<ActionItemEntity[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(ActionItemEntity).findBy({ id: In([...ids]) });
  }

  /**
   * The item and its recommendation (locked) with the viewer as an Actor. An item of another team, or
   * none, is NOT_FOUND alike: the membership check comes before anything is said about the item.
   */
  private async loadVisible(manager: EntityManager, viewerId: string, id: string) {
    const item = await manager
      .getRepository(ActionItemEntity)
      .createQueryBuilder('a')
      .innerJoin(MembershipEntity, 'm', 'm.team_id = a.team_id AND m.user_id = :viewerId', { viewerId })
      .where('a.id = :id', { id })
      .getOne();
    if (!item) throw notFound(NOT_FOUND);
    const recommendationActor = await loadRecommendationActor(manager, viewerId, item.recommendationId, {
      lock: true,
      what: NOT_FOUND,
    });
    // Re-read under the recommendation's lock: a concurrent update of the same item has committed by now.
    const current = await manager.findOneBy(ActionItemEntity, { id });
    if (!current) throw notFound(NOT_FOUND);
    return { item: current, recommendationActor };
  }
}

import { MembershipEntity, RecommendationEntity, TeamEntity } from '@docket/data';
import {
  activitiesFor,
  type Actor,
  assertCommentBody,
  assertDescription,
  assertIdentifier,
  assertPriority,
  assertTitle,
  assertUuid,
  authorize,
  badInput,
  categoryOf,
  checkTransition,
  completedAtAfter,
  conflict,
  diffFields,
  findState,
  normalizeLabels,
  type Priority,
  type RecommendationFields,
  type Role,
  type Workflow,
} from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

import { countOpenActionItems } from '../action-items/action-items.service';
import { CommentsService } from '../comments/comments.service';
import { SourcesService } from '../sources/sources.service';
import { assertTeamMember, stakeholderRoleOf } from '../stakeholders/recommendation-actor.util';
import { TeamAccessService } from '../teams/team-access.service';
import { ActivityService } from './activity.service';

export interface CreateRecommendationParams {
  teamKey: string;
  title: string;
  description?: string | null;
  sourceId?: string | null;
  priority?: Priority | null;
  labels?: string[] | null;
  ownerId?: string | null;
  dueAt?: Date | null;
}

/** A new recommendation's fields, validated; the owner and source are checked against the team by the caller. */
export interface NewRecommendation {
  title: string;
  description: string;
  priority: Priority;
  labels: string[];
  ownerId: string | null;
  dueAt: Date | null;
  sourceId: string | null;
}

/** Absent (undefined) leaves a field alone; null clears the owner and the deadline. */
export interface UpdateRecommendationParams {
  title?: string | null;
  description?: string | null;
  priority?: Priority | null;
  labels?: string[] | null;
  ownerId?: string | null;
  dueAt?: Date | null;
  expectedVersion?: number | null;
}

export interface TransitionParams {
  recommendationId: string;
  toState: string;
  comment?: string | null;
  expectedVersion?: number | null;
}

const NOT_FOUND = 'Recommendation';

const fieldsOf = (r: RecommendationEntity): RecommendationFields => ({
  title: r.title,
  description: r.description,
  priority: r.priority,
  labels: r.labels,
  owner: r.ownerId,
  dueAt: r.dueAt,
  state: r.stateKey,
});

/**
 * Recommendations and their writes. Each write runs in one transaction with its activity, and checks in
 * one order: NOT_FOUND (missing, or not the viewer's team), BAD_USER_INPUT, CONFLICT (stale
 * expectedVersion), then FORBIDDEN or INVALID_TRANSITION.
 */
@Injectable()
export class RecommendationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TeamAccessService,
    private readonly activity: ActivityService,
    private readonly sources: SourcesService,
    private readonly comments: CommentsService,
  ) {}

  async create(actorId: string, params: CreateRecommendationParams): Promise<RecommendationEntity> {
    const title = assertTitle(params.title, 'input.title');
    const description = assertDescription(params.description, 'input.description');
    const priority = assertPriority(params.priority, 'input.priority');
    const labels = normalizeLabels(params.labels, 'input.labels');
    const ownerId = params.ownerId != null ? assertUuid(params.ownerId, 'input.ownerId') : null;
    const sourceId = params.sourceId != null ? assertUuid(params.sourceId, 'input.sourceId') : null;

    const found = await this.access.findByKey(actorId, params.teamKey);
    authorize({ role: found?.role ?? null }, 'CREATE_RECOMMENDATION', `Team ${params.teamKey}`);
    const team = found!.team;

    return this.dataSource.transaction(async (manager) => {
      if (ownerId) await assertTeamMember(manager, team.id, ownerId, 'input.ownerId');
      if (sourceId) await this.sources.assertInTeam(manager, team.id, sourceId, 'input.sourceId');
      const fields = { title, description, priority, labels, ownerId, dueAt: params.dueAt ?? null, sourceId };
      return this.createIn(manager, actorId, team.id, fields);
    });
  }

  /**
   * Writes one recommendation, numbered from the team's sequence, and its CREATED activity through the
   * caller's transaction: `create` and imports both go through here. The caller has authorized the actor.
   */
  async createIn(
    manager: EntityManager,
    actorId: string,
    teamId: string,
    fields: NewRecommendation,
  ): Promise<RecommendationEntity> {
    // The row lock this UPDATE takes serialises creations in a team: numbers never repeat, and the
    // initial state is read from the workflow as it stands under the lock.
    const [rows] = (await manager.query(
      `UPDATE teams SET next_recommendation_number = next_recommendation_number + 1 WHERE id = $1
       RETURNING next_recommendation_number - 1 AS number, workflow`,
      [teamId],
    )) as [Array<{ number: number; workflow: Workflow }>, number];
    const { number, workflow } = rows[0]!;
    const recommendation = await manager.save(
      manager.create(RecommendationEntity, {
        teamId,
        number,
        ...fields,
        stateKey: workflow.initialState,
        completedAt: null,
        snoozedUntil: null,
        version: 1,
        createdById: actorId,
      }),
    );
    await this.activity.record(manager, recommendation, actorId, [{ kind: 'CREATED', changes: [] }]);
    return recommendation;
  }

  async update(actorId: string, id: string, params: UpdateRecommendationParams): Promise<RecommendationEntity> {
    const after: Partial<RecommendationFields> = {};
    if (params.title !== undefined) after.title = assertTitle(params.title, 'input.title');
    if (params.description !== undefined)
      after.description = assertDescription(params.description, 'input.description');
    if (params.priority !== undefined) after.priority = assertPriority(params.priority, 'input.priority');
    if (params.labels !== undefined) after.labels = normalizeLabels(params.labels, 'input.labels');
    if (params.ownerId !== undefined) {
      after.owner = params.ownerId === null ? null : assertUuid(params.ownerId, 'input.ownerId');
    }
    if (params.dueAt !== undefined) after.dueAt = params.dueAt;
    const edits = ['title', 'description', 'priority', 'labels'].some((field) => field in after);
    const assigns = 'owner' in after || 'dueAt' in after;

    return this.dataSource.transaction(async (manager) => {
      const { recommendation, role } = await this.lockVisible(manager, actorId, id);
      if (after.owner) await assertTeamMember(manager, recommendation.teamId, after.owner, 'input.ownerId');
      assertVersion(recommendation, params.expectedVersion);
      const actor: Actor = {
        role,
        isOwner: recommendation.ownerId === actorId,
        stakeholderRole: await stakeholderRoleOf(manager, recommendation.id, actorId),
      };
      if (edits) authorize(actor, 'EDIT_RECOMMENDATION', NOT_FOUND);
      if (assigns) authorize(actor, 'ASSIGN', NOT_FOUND);

      const changes = diffFields(fieldsOf(recommendation), after);
      if (changes.length === 0) return recommendation;
      await manager.update(RecommendationEntity, recommendation.id, {
        ...('title' in after ? { title: after.title } : {}),
        ...('description' in after ? { description: after.description } : {}),
        ...('priority' in after ? { priority: after.priority } : {}),
        ...('labels' in after ? { labels: [...after.labels!] } : {}),
        ...('owner' in after ? { ownerId: after.owner } : {}),
        ...('dueAt' in after ? { dueAt: after.dueAt } : {}),
        version: () => 'version + 1',
      });
      await this.activity.record(manager, recommendation, actorId, activitiesFor(changes));
      return manager.findOneByOrFail(RecommendationEntity, { id: recommendation.id });
    });
  }

  async transition(actorId: string, params: TransitionParams): Promise<RecommendationEntity> {
    const id = assertUuid(params.recommendationId, 'input.recommendationId');
    // A blank comment is none (requiresComment refuses it); any other is stored as a comment.
    const comment = params.comment?.trim() ? assertCommentBody(params.comment, 'input.comment') : null;
    return this.dataSource.transaction(async (manager) => {
      const { recommendation, role } = await this.lockVisible(manager, actorId, id);
      // KEY SHARE: updateWorkflow (FOR UPDATE) cannot drop the target state while this move commits.
      const team = await manager.findOneOrFail(TeamEntity, {
        where: { id: recommendation.teamId },
        lock: { mode: 'for_key_share' },
      });
      const workflow = team.workflow;
      const to = params.toState;
      if (!findState(workflow, to)) {
        const keys = workflow.states.map((state) => state.key).join(', ');
        throw badInput('input.toState', `unknown state "${to}"; the workflow's states are ${keys}`);
      }
      assertVersion(recommendation, params.expectedVersion);
      const from = recommendation.stateKey;
      checkTransition(workflow, {
        from,
        to,
        role,
        isOwner: recommendation.ownerId === actorId,
        comment: params.comment,
        // Counted under the row lock, which action item writes take too.
        openActionItems: await countOpenActionItems(manager, recommendation.id),
      });
      const completedAt = completedAtAfter(
        { fromCategory: categoryOf(workflow, from), toCategory: categoryOf(workflow, to) },
        recommendation.completedAt,
        new Date(),
      );
      await manager.update(RecommendationEntity, recommendation.id, {
        stateKey: to,
        completedAt,
        version: () => 'version + 1',
      });
      const stored = comment ? await this.comments.insertIn(manager, recommendation, actorId, comment) : null;
      await this.activity.record(
        manager,
        recommendation,
        actorId,
        activitiesFor(diffFields(fieldsOf(recommendation), { state: to })).map((draft) => ({
          ...draft,
          commentId: stored?.id ?? null,
        })),
      );
      return manager.findOneByOrFail(RecommendationEntity, { id: recommendation.id });
    });
  }

  /** The recommendation, when the viewer is a member of its team; null otherwise, as if it did not exist. */
  findVisible(viewerId: string, id: string): Promise<RecommendationEntity | null> {
    return this.visibleQuery(this.dataSource.manager, viewerId).where('r.id = :id', { id }).getOne();
  }

  /** By `KOR-3`; a malformed identifier is BAD_USER_INPUT on `identifier`. */
  findVisibleByIdentifier(viewerId: string, identifier: string): Promise<RecommendationEntity | null> {
    const { teamKey, number } = assertIdentifier(identifier, 'identifier');
    return this.visibleQuery(this.dataSource.manager, viewerId)
      .innerJoin(TeamEntity, 't', 't.id = r.team_id')
      .where('t.key = :teamKey AND r.number = :number', { teamKey, number })
      .getOne();
  }

  /** Without access checks: for DataLoaders resolving relations of what the viewer already sees. */
  async findByIds(ids: readonly string[]): Promise<RecommendationEntity[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(RecommendationEntity).findBy({ id: In([...ids]) });
  }

  /** The distinct state keys the team's recommendations are in (what a new workflow must keep). */
  async statesInUse(manager: EntityManager, teamId: string): Promise<string[]> {
    const rows = (await manager.query(`SELECT DISTINCT state_key FROM recommendations WHERE team_id = $1`, [
      teamId,
    ])) as Array<{ state_key: string }>;
    return rows.map((row) => row.state_key);
  }

  private visibleQuery(manager: EntityManager, viewerId: string) {
    return manager
      .getRepository(RecommendationEntity)
      .createQueryBuilder('r')
      .innerJoin(MembershipEntity, 'm', 'm.team_id = r.team_id AND m.user_id = :viewerId', { viewerId });
  }

  /** Locks the row for the rest of the transaction: concurrent writers queue, and see each other's version. */
  async lockVisible(
    manager: EntityManager,
    viewerId: string,
    id: string,
  ): Promise<{ recommendation: RecommendationEntity; role: Role }> {
    const { entities, raw } = await manager
      .getRepository(RecommendationEntity)
      .createQueryBuilder('r')
      .leftJoin(MembershipEntity, 'm', 'm.team_id = r.team_id AND m.user_id = :viewerId', { viewerId })
      .addSelect('m.role', 'viewer_role')
      .where('r.id = :id', { id })
      .setLock('pessimistic_write', undefined, ['r'])
      .getRawAndEntities<{ viewer_role: Role | null }>();
    const recommendation = entities[0];
    const role = raw[0]?.viewer_role ?? null;
    authorize({ role }, 'READ', NOT_FOUND);
    return { recommendation: recommendation!, role: role! };
  }
}

function assertVersion(recommendation: RecommendationEntity, expected: number | null | undefined): void {
  if (expected != null && expected !== recommendation.version) {
    throw conflict(
      `The recommendation changed meanwhile: it is at version ${recommendation.version}, not ${expected}; reload and retry`,
      'input.expectedVersion',
    );
  }
}

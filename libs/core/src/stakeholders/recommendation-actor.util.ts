import { MembershipEntity, RecommendationEntity, StakeholderEntity } from '@docket/data';
import { type Actor, authorize, badInput, type Role, type StakeholderRole } from '@docket/domain';
import type { EntityManager } from 'typeorm';

export interface RecommendationActor {
  recommendation: RecommendationEntity;
  /** The viewer as `authorize` sees them on this recommendation: role, ownership, RACI role. */
  actor: Actor & { role: Role };
}

/** The viewer's RACI role on the recommendation, for `authorize`; null when they are no stakeholder. */
export async function stakeholderRoleOf(
  manager: EntityManager,
  recommendationId: string,
  userId: string,
): Promise<StakeholderRole | null> {
  const row = await manager.findOne(StakeholderEntity, { where: { recommendationId, userId }, select: { role: true } });
  return row?.role ?? null;
}

/**
 * The recommendation with the viewer as an Actor, in one statement. NOT_FOUND (`what not found`) when it
 * is missing or the viewer is no member of its team. With `lock`, the row stays locked for the rest of
 * the transaction, so that writes to its children (positions, open counts) serialise with transitions.
 */
export async function loadRecommendationActor(
  manager: EntityManager,
  viewerId: string,
  recommendationId: string,
  options: { lock: boolean; what?: string },
): Promise<RecommendationActor> {
  let query = manager
    .getRepository(RecommendationEntity)
    .createQueryBuilder('r')
    .leftJoin(MembershipEntity, 'm', 'm.team_id = r.team_id AND m.user_id = :viewerId', { viewerId })
    .leftJoin(StakeholderEntity, 's', 's.recommendation_id = r.id AND s.user_id = :viewerId', { viewerId })
    .addSelect('m.role', 'viewer_role')
    .addSelect('s.role', 'viewer_stakeholder_role')
    .where('r.id = :recommendationId', { recommendationId });
  if (options.lock) query = query.setLock('pessimistic_write', undefined, ['r']);
  const { entities, raw } = await query.getRawAndEntities<{
    viewer_role: Role | null;
    viewer_stakeholder_role: StakeholderRole | null;
  }>();
  const recommendation = entities[0];
  const role = recommendation ? (raw[0]?.viewer_role ?? null) : null;
  authorize({ role }, 'READ', options.what ?? 'Recommendation');
  return {
    recommendation: recommendation!,
    actor: {
      role: role!,
      isOwner: recommendation!.ownerId === viewerId,
      stakeholderRole: raw[0]?.viewer_stakeholder_role ?? null,
    },
  };
}

/** BAD_USER_INPUT on `field` unless the user is a member of the team; says nothing about other teams. */
export async function assertTeamMember(
  manager: EntityManager,
  teamId: string,
  userId: string,
  field: string,
): Promise<void> {
  const member = await manager.exists(MembershipEntity, { where: { teamId, userId } });
  if (!member) throw badInput(field, `user ${userId} is not a member of this team`);
}

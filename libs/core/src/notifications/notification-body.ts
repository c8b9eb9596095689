import { type RecommendationEntity, type TeamEntity, UserEntity } from '@docket/data';
import { findState } from '@docket/domain';
import type { EntityManager } from 'typeorm';

/** The plain-text body of every notification: what happened, then the deadline, state, owner and a link. */
export async function notificationBody(
  manager: EntityManager,
  recommendation: RecommendationEntity,
  team: TeamEntity,
  headline: string,
  publicUrl: string,
): Promise<string> {
  const owner = recommendation.ownerId ? await manager.findOneBy(UserEntity, { id: recommendation.ownerId }) : null;
  const state = findState(team.workflow, recommendation.stateKey)?.name ?? recommendation.stateKey;
  const identifier = `${team.key}-${recommendation.number}`;
  return [
    headline,
    '',
    `Deadline: ${recommendation.dueAt?.toISOString() ?? 'none'}`,
    `State: ${state}`,
    `Owner: ${owner ? `${owner.name} <${owner.email}>` : 'nobody yet'}`,
    `Team: ${team.name} (${team.key})`,
    '',
    `Open it: ${publicUrl}/recommendations/${identifier}`,
  ].join('\n');
}

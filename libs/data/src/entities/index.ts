import { ActivityEntity } from './activity.entity';
import { ApiTokenEntity } from './api-token.entity';
import { MembershipEntity } from './membership.entity';
import { RecommendationEntity } from './recommendation.entity';
import { SourceEntity } from './source.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

export { ActivityEntity, ApiTokenEntity, MembershipEntity, RecommendationEntity, SourceEntity, TeamEntity, UserEntity };
export type { ApiTokenKind } from './api-token.entity';

export const ENTITIES = [
  UserEntity,
  ApiTokenEntity,
  TeamEntity,
  MembershipEntity,
  RecommendationEntity,
  ActivityEntity,
  SourceEntity,
];

import { ApiTokenEntity } from './api-token.entity';
import { MembershipEntity } from './membership.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

export { ApiTokenEntity, MembershipEntity, TeamEntity, UserEntity };
export type { ApiTokenKind } from './api-token.entity';

export const ENTITIES = [UserEntity, ApiTokenEntity, TeamEntity, MembershipEntity];

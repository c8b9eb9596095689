import type { MembershipEntity, TeamEntity } from '@docket/data';

import type { MembershipModel } from './membership.model';
import type { TeamModel } from './team.model';

export const toTeamModel = (team: TeamEntity): TeamModel => ({
  id: team.id,
  key: team.key,
  name: team.name,
  timezone: team.timezone,
  createdAt: team.createdAt,
});

export const toMembershipModel = (membership: MembershipEntity): MembershipModel => ({
  userId: membership.userId,
  teamId: membership.teamId,
  role: membership.role,
  createdAt: membership.createdAt,
});

import { MembershipEntity, TeamEntity } from '@docket/data';
import { type Actor, authorize, type Role, type TeamAction } from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface TeamWithRole {
  team: TeamEntity;
  /** The viewer's role; null when they are not a member. */
  role: Role | null;
}

/** Looks up teams through the viewer's membership and applies the one permission function. */
@Injectable()
export class TeamAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByKey(userId: string, key: string): Promise<TeamWithRole | null> {
    const { entities, raw } = await this.dataSource
      .getRepository(TeamEntity)
      .createQueryBuilder('team')
      .leftJoin(MembershipEntity, 'm', 'm.team_id = team.id AND m.user_id = :userId', { userId })
      .addSelect('m.role', 'viewer_role')
      .where('team.key = :key', { key })
      .getRawAndEntities<{ viewer_role: Role | null }>();
    const team = entities[0];
    return team ? { team, role: raw[0]?.viewer_role ?? null } : null;
  }

  /** Whether the user is ADMIN of at least one team (one query): what opens the queue dashboard to a token. */
  isAdminOfAnyTeam(userId: string): Promise<boolean> {
    return this.dataSource.getRepository(MembershipEntity).existsBy({ userId, role: 'ADMIN' });
  }

  /** The team, when the user may take `action` in it: NOT_FOUND for outsiders, FORBIDDEN for a role that may not. */
  async requireTeam(
    userId: string,
    key: string,
    action: TeamAction,
    flags: Omit<Actor, 'role'> = {},
  ): Promise<TeamEntity> {
    const found = await this.findByKey(userId, key);
    authorize({ role: found?.role ?? null, ...flags }, action, `Team ${key}`);
    return found!.team;
  }
}

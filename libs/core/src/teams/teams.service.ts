import { MembershipEntity, TeamEntity, UserEntity } from '@docket/data';
import {
  assertKeepsAnAdmin,
  assertName,
  assertTeamKey,
  assertTimeZone,
  cloneWorkflow,
  conflict,
  DEFAULT_WORKFLOW,
  normalizeEmail,
  notFound,
  type Role,
} from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

import { TeamAccessService } from './team-access.service';

export interface CreateTeamParams {
  key: string;
  name: string;
  timezone?: string | null;
}

export interface AddMemberParams {
  teamKey: string;
  email: string;
  name?: string | null;
  role: Role;
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TeamAccessService,
  ) {}

  /** Creates a team with its creator as ADMIN, in one transaction. */
  async createTeam(creatorId: string, params: CreateTeamParams): Promise<TeamEntity> {
    const key = assertTeamKey(params.key.trim(), 'input.key');
    const name = assertName(params.name, 'input.name');
    const timezone = params.timezone ? assertTimeZone(params.timezone, 'input.timezone') : 'UTC';
    try {
      return await this.dataSource.transaction(async (manager) => {
        const workflow = cloneWorkflow(DEFAULT_WORKFLOW);
        const team = await manager.save(manager.create(TeamEntity, { key, name, timezone, workflow }));
        await manager.save(manager.create(MembershipEntity, { teamId: team.id, userId: creatorId, role: 'ADMIN' }));
        return team;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw conflict(`A team with key ${key} already exists`, 'input.key');
      }
      throw error;
    }
  }

  /** Teams the user belongs to, by key. */
  listTeams(userId: string): Promise<TeamEntity[]> {
    return this.dataSource
      .getRepository(TeamEntity)
      .createQueryBuilder('team')
      .innerJoin(MembershipEntity, 'm', 'm.team_id = team.id AND m.user_id = :userId', { userId })
      .orderBy('team.key', 'ASC')
      .getMany();
  }

  /** An unknown email becomes an invited user, who may register with it later. */
  async addMember(actorId: string, params: AddMemberParams): Promise<MembershipEntity> {
    const team = await this.access.requireTeam(actorId, params.teamKey, 'MANAGE_TEAM');
    const email = normalizeEmail(params.email, 'input.email');
    const invitedName = params.name ? assertName(params.name, 'input.name') : email.split('@')[0];
    return this.dataSource.transaction(async (manager) => {
      let user = await manager.findOne(UserEntity, { where: { email } });
      if (!user) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(UserEntity)
          .values({ email, name: invitedName })
          .orIgnore()
          .execute();
        user = await manager.findOneOrFail(UserEntity, { where: { email } });
      }
      const existing = await manager.findOne(MembershipEntity, { where: { teamId: team.id, userId: user.id } });
      if (existing) throw conflict(`${email} is already a member of ${team.key}`, 'input.email');
      const membership = await manager.save(
        manager.create(MembershipEntity, { teamId: team.id, userId: user.id, role: params.role }),
      );
      return Object.assign(membership, { user, team });
    });
  }

  async updateMember(actorId: string, teamKey: string, userId: string, role: Role): Promise<MembershipEntity> {
    const team = await this.access.requireTeam(actorId, teamKey, 'MANAGE_TEAM');
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.lockMembership(manager, team.id, userId);
      await this.assertAdminRemains(manager, team.id, membership, role);
      membership.role = role;
      return Object.assign(await manager.save(membership), { team });
    });
  }

  async removeMember(actorId: string, teamKey: string, userId: string): Promise<boolean> {
    const team = await this.access.requireTeam(actorId, teamKey, 'MANAGE_TEAM');
    return this.dataSource.transaction(async (manager) => {
      const membership = await this.lockMembership(manager, team.id, userId);
      await this.assertAdminRemains(manager, team.id, membership, null);
      await manager.delete(MembershipEntity, { id: membership.id });
      return true;
    });
  }

  /** Members of several teams in one query (for DataLoaders). */
  async membersOfTeams(teamIds: readonly string[]): Promise<MembershipEntity[]> {
    if (!teamIds.length) return [];
    return this.dataSource.getRepository(MembershipEntity).find({
      where: { teamId: In([...teamIds]) },
      order: { createdAt: 'ASC' },
    });
  }

  private async lockMembership(manager: EntityManager, teamId: string, userId: string): Promise<MembershipEntity> {
    // Locking every membership of the team serialises concurrent role changes, so two admins
    // demoting each other at once cannot leave the team with none.
    const memberships = await manager.find(MembershipEntity, {
      where: { teamId },
      lock: { mode: 'pessimistic_write' },
    });
    const membership = memberships.find((m) => m.userId === userId);
    if (!membership) throw notFound('Team member');
    return membership;
  }

  private async assertAdminRemains(
    manager: EntityManager,
    teamId: string,
    membership: MembershipEntity,
    newRole: Role | null,
  ): Promise<void> {
    const admins = await manager.count(MembershipEntity, { where: { teamId, role: 'ADMIN' } });
    assertKeepsAnAdmin(admins, membership.role === 'ADMIN', newRole);
  }
}

import { RecommendationEntity, TeamEntity } from '@docket/data';
import {
  type Actor,
  authorize,
  nextOccurrences,
  type Occurrence,
  parseReminderPolicy,
  type ReminderPolicy,
  type ReminderPolicyInput,
} from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { ActivityService } from '../recommendations/activity.service';
import { RecommendationsService } from '../recommendations/recommendations.service';
import { TeamAccessService } from '../teams/team-access.service';
import { scheduleInputOf } from './reminder-context';
import { ReminderScheduler } from './reminder-scheduler.service';

/** A team's reminder policy, a recommendation's snooze, and what is still to come. */
@Injectable()
export class ReminderPolicyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TeamAccessService,
    private readonly recommendations: RecommendationsService,
    private readonly activity: ActivityService,
    private readonly scheduler: ReminderScheduler,
  ) {}

  /**
   * Replaces the policy (ADMIN). Nothing past is sent under the new one: the team's cursors move to
   * now in the same transaction; the new schedule is queued at once.
   */
  async setPolicy(actorId: string, teamKey: string, input: ReminderPolicyInput): Promise<ReminderPolicy> {
    const policy = parseReminderPolicy(input, 'input');
    const team = await this.access.requireTeam(actorId, teamKey, 'MANAGE_TEAM');
    await this.dataSource.transaction(async (manager) => {
      await manager.update(TeamEntity, team.id, {
        reminderPolicy: { ...policy, remindBefore: [...policy.remindBefore], channels: [...policy.channels] },
      });
      await manager.query(
        `UPDATE recommendations SET reminder_cursor = GREATEST(reminder_cursor, now()) WHERE team_id = $1`,
        [team.id],
      );
    });
    await this.scheduler.schedule(await this.scheduler.teamRecommendationIds(team.id));
    return policy;
  }

  /** Holds reminders until `until` (null lifts the snooze); the owner, ADMINs and MANAGERs may. */
  async snooze(actorId: string, recommendationId: string, until: Date | null): Promise<RecommendationEntity> {
    const updated = await this.dataSource.transaction(async (manager) => {
      const { recommendation, role } = await this.recommendations.lockVisible(manager, actorId, recommendationId);
      const actor: Actor = { role, isOwner: recommendation.ownerId === actorId };
      authorize(actor, 'ASSIGN', 'Recommendation');
      const from = recommendation.snoozedUntil?.toISOString() ?? null;
      const to = until?.toISOString() ?? null;
      if (from === to) return recommendation;
      await manager.update(RecommendationEntity, recommendation.id, {
        snoozedUntil: until,
        version: () => 'version + 1',
      });
      await this.activity.record(manager, recommendation, actorId, [
        { kind: 'UPDATED', changes: [{ field: 'snoozedUntil', from, to }] },
      ]);
      return manager.findOneByOrFail(RecommendationEntity, { id: recommendation.id });
    });
    await this.scheduler.schedule([updated.id]);
    return updated;
  }

  /** The next 30 days of reminders under the current state, at most 100, in time order. */
  upcoming(
    recommendation: Pick<RecommendationEntity, 'dueAt' | 'stateKey' | 'snoozedUntil'>,
    team: TeamEntity,
    now = new Date(),
  ): Occurrence[] {
    return nextOccurrences(scheduleInputOf(recommendation, team), now);
  }
}

import { TeamEntity } from '@docket/data';
import type { Role } from '@docket/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { ActionItemsService } from '../action-items/action-items.service';
import { AuthService } from '../auth/auth.service';
import { CommentsService } from '../comments/comments.service';
import { DOCKET_CONFIG, type RuntimeConfig } from '../config/config.module';
import { ImportsService } from '../imports/imports.service';
import { RecommendationsService } from '../recommendations/recommendations.service';
import { StakeholdersService } from '../stakeholders/stakeholders.service';
import { TeamsService } from '../teams/teams.service';
import { DEMO_RECOMMENDATIONS, DEMO_SOURCE } from './demo-content';

export const DEMO_PASSWORD = 'docket-demo';

const HOUR = 60 * 60 * 1000;

export interface DemoLogin {
  role: Role;
  email: string;
  name: string;
}

/** One person per role, so a newcomer can see the tracker from each seat. */
export const DEMO_PEOPLE: DemoLogin[] = [
  { role: 'ADMIN', email: 'admin@docket.demo', name: 'Alex Admin' },
  { role: 'MANAGER', email: 'manager@docket.demo', name: 'Mina Manager' },
  { role: 'MEMBER', email: 'member@docket.demo', name: 'Sam Member' },
  { role: 'STAKEHOLDER', email: 'stakeholder@docket.demo', name: 'Jae Stakeholder' },
];

@Injectable()
export class DemoService {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(DOCKET_CONFIG) private readonly config: RuntimeConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly teams: TeamsService,
    private readonly imports: ImportsService,
    private readonly recommendations: RecommendationsService,
    private readonly stakeholders: StakeholdersService,
    private readonly actionItems: ActionItemsService,
    private readonly comments: CommentsService,
  ) {}

  /** DOCKET_DEMO=true: any empty database; unset: only the embedded one; false: never. */
  wanted(): boolean {
    return this.config.demo ?? this.config.embedded;
  }

  /** Loads team KOR and its people into a database that has no teams; returns the logins, or null when skipped. */
  async loadIfWanted(): Promise<DemoLogin[] | null> {
    if (!this.wanted() || (await this.dataSource.getRepository(TeamEntity).exists())) return null;
    const [admin, ...others] = DEMO_PEOPLE;
    const { user } = await this.auth.register({ email: admin!.email, name: admin!.name, password: DEMO_PASSWORD });
    await this.teams.createTeam(user.id, { key: 'KOR', name: 'US–ROK economic partnership', timezone: 'Asia/Seoul' });
    const userIds = new Map<Role, string>([['ADMIN', user.id]]);
    for (const person of others) {
      const registered = await this.auth.register({ email: person.email, name: person.name, password: DEMO_PASSWORD });
      await this.teams.addMember(user.id, { teamKey: 'KOR', email: person.email, role: person.role });
      userIds.set(person.role, registered.user.id);
    }
    await this.loadRecommendations(userIds);
    this.logger.log('loaded the demo team KOR');
    return DEMO_PEOPLE;
  }

  /**
   * The paper and its seven recommendations in one transaction, then progress, stakeholders, action items
   * and comments, each through its service under the API's rules.
   */
  private async loadRecommendations(userIds: Map<Role, string>): Promise<void> {
    const now = Date.now();
    const inDays = (days: number) => new Date(Math.floor(now / HOUR + days * 24) * HOUR);
    const { recommendations } = await this.imports.createWithRecommendations(userIds.get('ADMIN')!, {
      teamKey: 'KOR',
      source: DEMO_SOURCE,
      recommendations: DEMO_RECOMMENDATIONS.map((r) => ({
        title: r.title,
        description: r.description,
        priority: r.priority,
        labels: r.labels,
        ownerId: userIds.get(r.owner)!,
        dueAt: inDays(r.dueInDays),
      })),
    });
    // The manager moves work along and staffs it, as the default workflow and permissions let managers do.
    const manager = userIds.get('MANAGER')!;
    for (const [i, { id: recommendationId }] of recommendations.entries()) {
      const content = DEMO_RECOMMENDATIONS[i]!;
      for (const toState of content.path) {
        await this.recommendations.transition(manager, { recommendationId, toState });
      }
      for (const { person, role } of content.stakeholders ?? []) {
        await this.stakeholders.add(manager, { recommendationId, userId: userIds.get(person)!, role });
      }
      for (const item of content.actionItems ?? []) {
        const assigneeId = userIds.get(item.assignee)!;
        const created = await this.actionItems.create(manager, {
          recommendationId,
          title: item.title,
          assigneeId,
          dueAt: inDays(item.dueInDays),
        });
        // The assignee reports their own progress.
        if (item.status) await this.actionItems.update(assigneeId, created.id, { status: item.status });
      }
      for (const { author, body } of content.comments ?? []) {
        await this.comments.add(userIds.get(author)!, { recommendationId, body });
      }
    }
  }
}

import { TeamEntity } from '@docket/data';
import type { Role } from '@docket/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuthService } from '../auth/auth.service';
import { DOCKET_CONFIG, type RuntimeConfig } from '../config/config.module';
import { TeamsService } from '../teams/teams.service';

export const DEMO_PASSWORD = 'docket-demo';

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
    for (const person of others) {
      await this.auth.register({ email: person.email, name: person.name, password: DEMO_PASSWORD });
      await this.teams.addMember(user.id, { teamKey: 'KOR', email: person.email, role: person.role });
    }
    this.logger.log('loaded the demo team KOR');
    return DEMO_PEOPLE;
  }
}

import { TeamEntity } from '@docket/data';
import { validateWorkflow, type Workflow, type WorkflowInput } from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { RecommendationsService } from '../recommendations/recommendations.service';
import { TeamAccessService } from '../teams/team-access.service';

/** A team's one workflow: `updateWorkflow` replaces it whole, never dropping a state in use. */
@Injectable()
export class WorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TeamAccessService,
    private readonly recommendations: RecommendationsService,
  ) {}

  async updateWorkflow(actorId: string, teamKey: string, input: WorkflowInput): Promise<Workflow> {
    const team = await this.access.requireTeam(actorId, teamKey, 'MANAGE_TEAM');
    return this.dataSource.transaction(async (manager) => {
      // FOR UPDATE waits for transitions (KEY SHARE) and creations (their UPDATE) in flight, so the
      // states in use are read after them and none can enter a dropped state before this commits.
      await manager.findOneOrFail(TeamEntity, { where: { id: team.id }, lock: { mode: 'pessimistic_write' } });
      const workflow = validateWorkflow(input, await this.recommendations.statesInUse(manager, team.id), 'input');
      await manager.update(TeamEntity, team.id, { workflow });
      return workflow;
    });
  }
}

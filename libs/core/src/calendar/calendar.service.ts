import { buildCalendarFeed, type CalendarDeadline } from '@docket/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuthService } from '../auth/auth.service';
import { DOCKET_CONFIG, type RuntimeConfig } from '../config/config.module';

interface DeadlineRow {
  kind: 'recommendation' | 'action-item';
  id: string;
  team_key: string;
  number: number;
  title: string;
  status: string | null;
  recommendation_title: string;
  due_at: Date;
  state_name: string;
}

/**
 * The deadlines that concern a user, in one statement: recommendations they own and open action items assigned
 * to them, in teams they are still a member of (the membership join is the visibility rule), not closed.
 * A recommendation's state category lives in its team's workflow (jsonb), so the state is looked up there.
 * Action items of a closed recommendation are left out too: its work is over, whatever the item says.
 */
const DEADLINES_SQL = `
  WITH visible AS (
    SELECT r.id, r.number, r.title, r.due_at, r.owner_id, t.key AS team_key,
           coalesce(s.state->>'name', r.state_key) AS state_name,
           coalesce(s.state->>'category', '') IN ('COMPLETED', 'CANCELED') AS closed
    FROM recommendations r
    JOIN memberships m ON m.team_id = r.team_id AND m.user_id = $1
    JOIN teams t ON t.id = r.team_id
    LEFT JOIN LATERAL (
      SELECT st AS state FROM jsonb_array_elements(t.workflow->'states') st WHERE st->>'key' = r.state_key LIMIT 1
    ) s ON TRUE
    WHERE (r.owner_id = $1 AND r.due_at IS NOT NULL)
       OR r.id IN (SELECT a.recommendation_id FROM action_items a
                   WHERE a.assignee_id = $1 AND a.due_at IS NOT NULL AND a.status NOT IN ('DONE', 'CANCELED'))
  )
  SELECT 'recommendation' AS kind, v.id, v.team_key, v.number, v.title, NULL AS status,
         v.title AS recommendation_title, v.due_at, v.state_name
  FROM visible v
  WHERE v.owner_id = $1 AND v.due_at IS NOT NULL AND NOT v.closed
  UNION ALL
  SELECT 'action-item' AS kind, a.id, v.team_key, v.number, a.title, a.status,
         v.title AS recommendation_title, a.due_at, v.state_name
  FROM action_items a
  JOIN visible v ON v.id = a.recommendation_id
  WHERE a.assignee_id = $1 AND a.due_at IS NOT NULL AND a.status NOT IN ('DONE', 'CANCELED') AND NOT v.closed
  ORDER BY due_at, kind DESC, id`;

/** The iCalendar feed behind `GET /calendar/<token>.ics`. */
@Injectable()
export class CalendarService {
  constructor(
    @Inject(DOCKET_CONFIG) private readonly config: RuntimeConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
  ) {}

  /** The feed of a calendar token's user; null when the token is unknown, revoked or not a calendar token. */
  async feedForToken(token: string, now = new Date()): Promise<string | null> {
    const userId = await this.auth.authenticateCalendarToken(token);
    if (!userId) return null;
    return buildCalendarFeed(await this.deadlines(userId), { publicUrl: this.config.publicUrl, now });
  }

  async deadlines(userId: string): Promise<CalendarDeadline[]> {
    const rows = await this.dataSource.query<DeadlineRow[]>(DEADLINES_SQL, [userId]);
    return rows.map((row): CalendarDeadline => {
      const base = {
        id: row.id,
        teamKey: row.team_key,
        number: row.number,
        title: row.title,
        dueAt: new Date(row.due_at),
        stateName: row.state_name,
      };
      return row.kind === 'recommendation'
        ? { kind: 'recommendation', ...base }
        : { kind: 'action-item', ...base, status: row.status ?? '', recommendationTitle: row.recommendation_title };
    });
  }
}

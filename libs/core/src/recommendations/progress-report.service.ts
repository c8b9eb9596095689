import {
  completionRate,
  normalizeRecommendationFilter,
  type RecommendationFilterInput,
  type WorkflowState,
} from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  loadRecommendationScope,
  recommendationFilterSql,
  type RecommendationScope,
  stateRows,
} from './recommendation-filter';

const DAY_MS = 86_400_000;

export interface ProgressCounts {
  total: number;
  open: number;
  completed: number;
  canceled: number;
  overdue: number;
  dueWithin7Days: number;
}

export interface ProgressReport extends ProgressCounts {
  completionRate: number;
  byState: Array<{ state: WorkflowState; count: number }>;
  /** Most recommendations first; those without an owner (ownerId null) last. */
  byOwner: Array<{ ownerId: string | null; total: number; completed: number; overdue: number }>;
}

interface AggregateRow {
  by_state: number;
  by_owner: number;
  state_key: string | null;
  owner_id: string | null;
  total: number;
  open: number;
  completed: number;
  canceled: number;
  overdue: number;
  due_soon: number;
}

/**
 * Progress over the same filter and visibility as the `recommendations` list, counted by Postgres in one
 * aggregate statement (GROUPING SETS: the totals, per state, per owner), never by loading rows.
 */
@Injectable()
export class ProgressReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(viewerId: string, filter: RecommendationFilterInput | null | undefined): Promise<ProgressReport> {
    const spec = normalizeRecommendationFilter(filter, 'filter');
    const scope = await loadRecommendationScope(this.dataSource, viewerId, spec.teamKey);
    const rows = scope.teams.length ? await this.aggregate(scope, recommendationFilterSql(spec, scope)) : [];

    const totals = rows.find((row) => row.by_state && row.by_owner);
    const counts: ProgressCounts = {
      total: totals?.total ?? 0,
      open: totals?.open ?? 0,
      completed: totals?.completed ?? 0,
      canceled: totals?.canceled ?? 0,
      overdue: totals?.overdue ?? 0,
      dueWithin7Days: totals?.due_soon ?? 0,
    };
    const stateCounts = new Map(
      rows.filter((row) => !row.by_state && row.by_owner).map((row) => [row.state_key!, row.total]),
    );
    const byOwner = rows
      .filter((row) => row.by_state && !row.by_owner)
      .map((row) => ({ ownerId: row.owner_id, total: row.total, completed: row.completed, overdue: row.overdue }))
      .sort(
        (a, b) =>
          Number(a.ownerId === null) - Number(b.ownerId === null) ||
          b.total - a.total ||
          (a.ownerId ?? '').localeCompare(b.ownerId ?? ''),
      );
    return {
      ...counts,
      completionRate: completionRate(counts),
      byState: statesOf(scope).map((state) => ({ state, count: stateCounts.get(state.key) ?? 0 })),
      byOwner,
    };
  }

  private async aggregate(
    scope: RecommendationScope,
    where: ReturnType<typeof recommendationFilterSql>,
  ): Promise<AggregateRow[]> {
    const states = stateRows(scope.teams);
    const soon = new Date(scope.now.getTime() + 7 * DAY_MS);
    // `open` is judged by the team's own workflow: the category comes from joining its states.
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(
      `WITH st AS (
         SELECT * FROM unnest(CAST(:pr_teams AS uuid[]), CAST(:pr_keys AS text[]), CAST(:pr_categories AS text[]))
           AS st(team_id, state_key, category)
       ), f AS (
         SELECT r.state_key, r.owner_id, r.due_at, st.category,
                st.category IS DISTINCT FROM 'COMPLETED' AND st.category IS DISTINCT FROM 'CANCELED' AS is_open
           FROM recommendations r
           LEFT JOIN st ON st.team_id = r.team_id AND st.state_key = r.state_key
          WHERE ${where.sql}
       )
       SELECT GROUPING(state_key) AS by_state, GROUPING(owner_id) AS by_owner, state_key, owner_id,
              count(*)::int AS total,
              count(*) FILTER (WHERE is_open)::int AS open,
              count(*) FILTER (WHERE category = 'COMPLETED')::int AS completed,
              count(*) FILTER (WHERE category = 'CANCELED')::int AS canceled,
              count(*) FILTER (WHERE is_open AND due_at < CAST(:pr_now AS timestamptz))::int AS overdue,
              count(*) FILTER (WHERE is_open AND due_at >= CAST(:pr_now AS timestamptz)
                                              AND due_at < CAST(:pr_soon AS timestamptz))::int AS due_soon
         FROM f
        GROUP BY GROUPING SETS ((), (state_key), (owner_id))`,
      {
        ...where.params,
        pr_teams: states.teamIds,
        pr_keys: states.keys,
        pr_categories: states.categories,
        pr_now: scope.now,
        pr_soon: soon,
      },
    );
    return (await this.dataSource.query(sql, params)) as AggregateRow[];
  }
}

/** Every state of the teams in scope, in workflow order; a key several teams share is listed once (the first team's). */
function statesOf(scope: RecommendationScope): WorkflowState[] {
  const states = new Map<string, WorkflowState>();
  for (const team of scope.teams) {
    for (const state of team.workflow.states) if (!states.has(state.key)) states.set(state.key, { ...state });
  }
  return [...states.values()];
}

import { MembershipEntity, TeamEntity } from '@docket/data';
import { notFound, type RecommendationFilterSpec, type StateCategory } from '@docket/domain';
import type { DataSource } from 'typeorm';

/** A piece of SQL with TypeORM's named parameters (`:name`), for a query builder or `escapeQueryWithParameters`. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** The teams a list may show (the viewer's, or the one named by `teamKey`) and the instant "overdue" is judged at. */
export interface RecommendationScope {
  teams: TeamEntity[];
  now: Date;
}

/** Categories whose work is over: never overdue, never open. */
export const CLOSED_CATEGORIES: readonly StateCategory[] = ['COMPLETED', 'CANCELED'];

/**
 * The viewer's teams with their workflows, in one statement: visibility and the category → state keys
 * mapping both come from it. A `teamKey` the viewer is not a member of is NOT_FOUND, like an unknown one.
 */
export async function loadRecommendationScope(
  dataSource: DataSource,
  viewerId: string,
  teamKey: string | undefined,
): Promise<RecommendationScope> {
  const query = dataSource
    .getRepository(TeamEntity)
    .createQueryBuilder('t')
    .innerJoin(MembershipEntity, 'm', 'm.team_id = t.id AND m.user_id = :viewerId', { viewerId })
    .orderBy('t.key', 'ASC');
  if (teamKey !== undefined) query.where('t.key = :teamKey', { teamKey });
  const teams = await query.getMany();
  if (teamKey !== undefined && teams.length === 0) throw notFound(`Team ${teamKey}`);
  return { teams, now: new Date() };
}

/** Every state of every team in scope as parallel arrays, for `unnest` into (team_id, state_key, category) rows. */
export function stateRows(
  teams: readonly TeamEntity[],
  categories?: readonly StateCategory[],
): { teamIds: string[]; keys: string[]; categories: string[] } {
  const rows = { teamIds: [] as string[], keys: [] as string[], categories: [] as string[] };
  for (const team of teams) {
    for (const state of team.workflow.states) {
      if (categories && !categories.includes(state.category)) continue;
      rows.teamIds.push(team.id);
      rows.keys.push(state.key);
      rows.categories.push(state.category);
    }
  }
  return rows;
}

/**
 * The WHERE clause of every recommendation list and aggregate: visibility plus each filter field. Shared by
 * the list, its count and the progress report, so that they can never disagree about what a filter means.
 * `alias` is the recommendations table's alias in the caller's query.
 */
export function recommendationFilterSql(
  spec: RecommendationFilterSpec,
  scope: RecommendationScope,
  alias = 'r',
): SqlCondition {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  let n = 0;
  const param = (value: unknown, cast: string): string => {
    const name = `rf_${n++}`;
    params[name] = value;
    return `CAST(:${name} AS ${cast})`;
  };
  const col = (name: string) => `${alias}.${name}`;
  // Category membership is per team (each team names its own states): a semi-join on (team_id, state_key).
  const inCategories = (categories: readonly StateCategory[]): string => {
    const rows = stateRows(scope.teams, categories);
    if (rows.keys.length === 0) return 'FALSE';
    return `(${col('team_id')}, ${col('state_key')}) IN (SELECT * FROM unnest(${param(rows.teamIds, 'uuid[]')}, ${param(rows.keys, 'text[]')}))`;
  };

  // One team: plain equality lets the planner walk the (team_id, sort key) indexes in order.
  if (scope.teams.length === 1) conditions.push(`${col('team_id')} = ${param(scope.teams[0]!.id, 'uuid')}`);
  else
    conditions.push(
      `${col('team_id')} = ANY(${param(
        scope.teams.map((team) => team.id),
        'uuid[]',
      )})`,
    );

  if (spec.sourceId) conditions.push(`${col('source_id')} = ${param(spec.sourceId, 'uuid')}`);
  if (spec.stateKeys) conditions.push(`${col('state_key')} = ANY(${param(spec.stateKeys, 'text[]')})`);
  if (spec.stateCategories) conditions.push(inCategories(spec.stateCategories));
  if (spec.ownerId) conditions.push(`${col('owner_id')} = ${param(spec.ownerId, 'uuid')}`);
  if (spec.stakeholderId) {
    conditions.push(
      `EXISTS (SELECT 1 FROM stakeholders s WHERE s.recommendation_id = ${col('id')} AND s.user_id = ${param(spec.stakeholderId, 'uuid')})`,
    );
  }
  // `&&` (overlaps) is what the GIN index on labels serves.
  if (spec.labels) conditions.push(`${col('labels')} && ${param(spec.labels, 'text[]')}`);
  if (spec.priorities) conditions.push(`${col('priority')} = ANY(${param(spec.priorities, 'text[]')})`);
  if (spec.dueBefore) conditions.push(`${col('due_at')} < ${param(spec.dueBefore, 'timestamptz')}`);
  if (spec.dueAfter) conditions.push(`${col('due_at')} > ${param(spec.dueAfter, 'timestamptz')}`);
  if (spec.overdue !== undefined) {
    const overdue = `(${col('due_at')} < ${param(scope.now, 'timestamptz')} AND NOT ${inCategories(CLOSED_CATEGORIES)})`;
    // due_at < now is NULL for no deadline: coalesce so that `false` keeps those.
    conditions.push(spec.overdue ? overdue : `NOT coalesce(${overdue}, FALSE)`);
  }
  if (spec.search) {
    conditions.push(`${col('search')} @@ websearch_to_tsquery('english', ${param(spec.search, 'text')})`);
  }
  return { sql: conditions.join(' AND '), params };
}

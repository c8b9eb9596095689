import { RecommendationEntity, type TeamEntity } from '@docket/data';
import {
  assertPageSize,
  decodeRecommendationCursor,
  encodeRecommendationCursor,
  normalizeRecommendationFilter,
  PRIORITIES,
  type RecommendationFilterInput,
  type RecommendationKeyset,
  type RecommendationOrder,
  resolveRecommendationOrder,
  type SortKeyValue,
} from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { loadRecommendationScope, recommendationFilterSql, type SqlCondition } from './recommendation-filter';

export interface RecommendationListRequest {
  filter?: RecommendationFilterInput | null;
  orderBy?: { field?: string | null; direction?: string | null } | null;
  first?: number | null;
  after?: string | null;
}

export interface RecommendationListPage {
  edges: Array<{ node: RecommendationEntity; cursor: string }>;
  hasNextPage: boolean;
  /** The total over every page: a statement of its own, so run only when asked for. */
  countTotal: () => Promise<number>;
  /** The teams the list may show, workflows included: callers prime their loaders with them. */
  teams: TeamEntity[];
}

/** PRIORITY sorts by rank (NONE 0 … URGENT 4), not alphabetically. */
const PRIORITY_RANK_SQL = `(CASE r.priority ${PRIORITIES.map((p, rank) => `WHEN '${p}' THEN ${rank}`).join(' ')} ELSE 0 END)`;
/** Microseconds, which a JS Date would lose: a cursor must name its row's key exactly. */
const microsOf = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

interface SortColumn {
  /** What ORDER BY and the keyset comparison use. */
  expression: string;
  /** The sort key as the cursor carries it. */
  cursorValue: string;
  /** The cursor value back as SQL. */
  cast: string;
}

const SORT_COLUMNS: Record<RecommendationOrder['field'], SortColumn> = {
  // Parenthesised: a bare `r.number` select would take over the entity's own column alias.
  NUMBER: { expression: 'r.number', cursorValue: '(r.number)', cast: 'int' },
  CREATED_AT: { expression: 'r.created_at', cursorValue: microsOf('r.created_at'), cast: 'timestamptz' },
  UPDATED_AT: { expression: 'r.updated_at', cursorValue: microsOf('r.updated_at'), cast: 'timestamptz' },
  DUE_AT: { expression: 'r.due_at', cursorValue: microsOf('r.due_at'), cast: 'timestamptz' },
  PRIORITY: { expression: PRIORITY_RANK_SQL, cursorValue: PRIORITY_RANK_SQL, cast: 'int' },
};

/**
 * Rows after the cursor's position under `order`, as a row comparison on (sort key, id). DUE_AT keeps
 * deadlines-less rows last in both directions, so past a dated row come the later dated ones and then
 * every undated one; past an undated row, only undated ones with a later id.
 */
export function keysetCondition(order: RecommendationOrder, position: RecommendationKeyset): SqlCondition {
  const { expression, cast } = SORT_COLUMNS[order.field];
  const op = order.direction === 'ASC' ? '>' : '<';
  const params = { ks_value: position.value, ks_id: position.id };
  const id = 'CAST(:ks_id AS uuid)';
  if (order.field === 'DUE_AT') {
    if (position.value === null) return { sql: `(r.due_at IS NULL AND r.id ${op} ${id})`, params };
    return { sql: `((r.due_at, r.id) ${op} (CAST(:ks_value AS timestamptz), ${id}) OR r.due_at IS NULL)`, params };
  }
  return { sql: `(${expression}, r.id) ${op} (CAST(:ks_value AS ${cast}), ${id})`, params };
}

/** The `recommendations` list: visibility, filters, keyset pages, and the total when asked for. */
@Injectable()
export class RecommendationQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(viewerId: string, request: RecommendationListRequest): Promise<RecommendationListPage> {
    // Everything the client sent is checked before anything is read.
    const spec = normalizeRecommendationFilter(request.filter, 'filter');
    const order = resolveRecommendationOrder(request.orderBy, 'orderBy');
    const first = assertPageSize(request.first, 'first');
    const after = request.after == null ? null : decodeRecommendationCursor(request.after, order, 'after');

    const scope = await loadRecommendationScope(this.dataSource, viewerId, spec.teamKey);
    if (scope.teams.length === 0) {
      return { edges: [], hasNextPage: false, countTotal: () => Promise.resolve(0), teams: [] };
    }
    const where = recommendationFilterSql(spec, scope);

    const page = first === 0 ? { rows: [], hasNextPage: false } : await this.page(where, order, first, after);
    let total: Promise<number> | undefined;
    return {
      edges: page.rows.map(({ node, value }) => ({
        node,
        cursor: encodeRecommendationCursor(order, { value, id: node.id }),
      })),
      hasNextPage: page.hasNextPage,
      countTotal: () => (total ??= this.count(where)),
      teams: scope.teams,
    };
  }

  private async page(
    where: SqlCondition,
    order: RecommendationOrder,
    first: number,
    after: RecommendationKeyset | null,
  ): Promise<{ rows: Array<{ node: RecommendationEntity; value: SortKeyValue }>; hasNextPage: boolean }> {
    const sort = SORT_COLUMNS[order.field];
    const query = this.dataSource
      .getRepository(RecommendationEntity)
      .createQueryBuilder('r')
      // Owners come along (one row each, at most): a list nearly always shows them, and a join is cheaper than a
      // second statement.
      .leftJoinAndSelect('r.owner', 'owner')
      .addSelect(sort.cursorValue, 'sort_value')
      .where(where.sql, where.params);
    if (after) {
      const keyset = keysetCondition(order, after);
      query.andWhere(keyset.sql, keyset.params);
    }
    const nulls = order.field === 'DUE_AT' ? 'NULLS LAST' : undefined;
    // One more than asked: whether it comes back is hasNextPage.
    const { entities, raw } = await query
      .orderBy(sort.expression, order.direction, nulls)
      .addOrderBy('r.id', order.direction)
      .limit(first + 1)
      .getRawAndEntities<{ r_id: string; sort_value: SortKeyValue }>();
    const valueOf = new Map(raw.map((row) => [row.r_id, row.sort_value]));
    return {
      rows: entities.slice(0, first).map((node) => ({ node, value: valueOf.get(node.id) ?? null })),
      hasNextPage: entities.length > first,
    };
  }

  private async count(where: SqlCondition): Promise<number> {
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT count(*)::int AS count FROM recommendations r WHERE ${where.sql}`,
      where.params,
    );
    const rows = (await this.dataSource.query(sql, params)) as Array<{ count: number }>;
    return rows[0]?.count ?? 0;
  }
}

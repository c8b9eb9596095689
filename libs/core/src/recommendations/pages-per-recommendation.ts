import { encodeCursor, type KeysetPosition } from '@docket/domain';
import type { DataSource } from 'typeorm';

export interface PerRecommendationPageRequest {
  recommendationId: string;
  first: number;
  after: KeysetPosition | null;
}

/** Columns every paged row carries besides its table's own: the request it answers and its cursor time. */
interface KeysetRow {
  idx: string;
  id: string;
  /** created_at to the microsecond, for the cursor. */
  at: string;
}

/**
 * One oldest-first page per request, for any number of recommendations, in one statement: each request
 * walks (created_at, id) of its own recommendation's rows from its cursor (a DataLoader batches a list's
 * `activity` or `comments` fields into one call).
 */
export async function pagesPerRecommendation<Row extends KeysetRow, Node>(
  dataSource: DataSource,
  table: 'activities' | 'comments',
  requests: readonly PerRecommendationPageRequest[],
  toNode: (row: Row) => Node,
): Promise<Array<{ edges: Array<{ node: Node; cursor: string }>; hasNextPage: boolean }>> {
  if (requests.length === 0) return [];
  const rows = (await dataSource.query(
    `SELECT q.idx, t.*, to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
       FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::int[])
            WITH ORDINALITY AS q(recommendation_id, after_at, after_id, lim, idx)
      CROSS JOIN LATERAL (
            SELECT * FROM ${table} t
             WHERE t.recommendation_id = q.recommendation_id
               AND (q.after_at IS NULL OR (t.created_at, t.id) > (q.after_at, q.after_id))
             ORDER BY t.created_at, t.id
             LIMIT q.lim + 1
      ) t
      ORDER BY q.idx, t.created_at, t.id`,
    [
      requests.map((r) => r.recommendationId),
      requests.map((r) => r.after?.at ?? null),
      requests.map((r) => r.after?.id ?? null),
      requests.map((r) => r.first),
    ],
  )) as Row[];
  const rowsByRequest = requests.map((): Row[] => []);
  for (const row of rows) rowsByRequest[Number(row.idx) - 1]!.push(row);
  return requests.map((request, i) => {
    const found = rowsByRequest[i]!;
    return {
      edges: found
        .slice(0, request.first)
        .map((row) => ({ node: toNode(row), cursor: encodeCursor({ at: row.at, id: row.id }) })),
      hasNextPage: found.length > request.first,
    };
  });
}

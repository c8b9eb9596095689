import type { PageInfoModel } from './page-info.model';

/** A page as services return it: nodes with their cursors, and whether more follow. */
export interface CursorPage<T> {
  edges: ReadonlyArray<{ node: T; cursor: string }>;
  hasNextPage: boolean;
}

/** The Relay-style parts every connection shares (edges, nodes, pageInfo); callers add `totalCount`. */
export function toConnection<T, M>(
  page: CursorPage<T>,
  after: string | null | undefined,
  toNode: (node: T) => M,
): { edges: Array<{ cursor: string; node: M }>; nodes: M[]; pageInfo: PageInfoModel } {
  const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: toNode(edge.node) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

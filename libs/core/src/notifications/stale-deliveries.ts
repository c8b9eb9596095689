import type { DataSource } from 'typeorm';

/**
 * Deliveries (email or webhook) left unsent longer than `olderThanMs` that no worker holds: their job was
 * lost with a queue, so reconcile queues them again.
 */
export async function staleDeliveries(
  dataSource: DataSource,
  table: 'email_deliveries' | 'webhook_deliveries',
  olderThanMs: number,
  limit: number,
): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT id FROM ${table}
      WHERE status IN ('PENDING', 'SENDING') AND created_at < now() - $1 * interval '1 millisecond'
        AND (claimed_until IS NULL OR claimed_until < now())
      ORDER BY created_at LIMIT $2`,
    [olderThanMs, limit],
  )) as Array<{ id: string }>;
  return rows.map((row) => row.id);
}

import type { EntityManager } from 'typeorm';

import type { NotificationRecipient } from '../notifications/notifications.service';

interface RecipientRow {
  id: string;
  email: string;
  email_notifications: boolean;
}

const toRecipient = (row: RecipientRow): NotificationRecipient => ({
  id: row.id,
  email: row.email,
  emailNotifications: row.email_notifications,
});

/** The owner and the RESPONSIBLE stakeholders of a recommendation, each once, while they are team members. */
export async function reminderRecipients(manager: EntityManager, recommendationId: string) {
  const rows = (await manager.query(
    `SELECT u.id, u.email, u.email_notifications FROM users u
       JOIN recommendations r ON r.id = $1
       JOIN memberships m ON m.user_id = u.id AND m.team_id = r.team_id
      WHERE u.id = r.owner_id
         OR u.id IN (SELECT user_id FROM stakeholders WHERE recommendation_id = $1 AND role = 'RESPONSIBLE')`,
    [recommendationId],
  )) as RecipientRow[];
  return rows.map(toRecipient);
}

/** The team's MANAGERs, or its ADMINs where it has none: who hears of an escalation. */
export async function escalationRecipients(manager: EntityManager, teamId: string) {
  const rows = (await manager.query(
    `SELECT u.id, u.email, u.email_notifications, m.role FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.team_id = $1 AND m.role IN ('MANAGER', 'ADMIN')`,
    [teamId],
  )) as Array<RecipientRow & { role: string }>;
  const managers = rows.filter((row) => row.role === 'MANAGER');
  return (managers.length ? managers : rows).map(toRecipient);
}

/** Those of these users who are still members of the team, with what delivery needs (activity notifications). */
export async function recipientsByIds(manager: EntityManager, teamId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = (await manager.query(
    `SELECT u.id, u.email, u.email_notifications FROM users u
       JOIN memberships m ON m.user_id = u.id AND m.team_id = $1
      WHERE u.id = ANY($2::uuid[])`,
    [teamId, [...ids]],
  )) as RecipientRow[];
  return rows.map(toRecipient);
}

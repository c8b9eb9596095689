import type { ActivityKind } from '@docket/domain';

/** Live-update channels: one per team (its committed activity) and one per user (their notifications). */
export const teamChannel = (teamId: string): string => `team.${teamId}`;
export const userChannel = (userId: string): string => `user.${userId}`;

/** Ids only: every subscriber reloads from Postgres what its viewer may see. */
export interface TeamActivityMessage {
  activityId: string;
  recommendationId: string;
  teamId: string;
  kind: ActivityKind;
  /** Set on COMMENT_ADDED: what `commentAdded` reloads. */
  commentId: string | null;
}

export interface UserNotificationMessage {
  notificationId: string;
  userId: string;
}

const isString = (value: unknown): value is string => typeof value === 'string';

// Messages cross Redis or Postgres: check their shape before a query trusts their ids.
export function isTeamActivityMessage(message: object): message is TeamActivityMessage {
  const m = message as Partial<Record<keyof TeamActivityMessage, unknown>>;
  return (
    isString(m.activityId) &&
    isString(m.recommendationId) &&
    isString(m.teamId) &&
    isString(m.kind) &&
    (m.commentId === null || isString(m.commentId))
  );
}

export function isUserNotificationMessage(message: object): message is UserNotificationMessage {
  const m = message as Partial<Record<keyof UserNotificationMessage, unknown>>;
  return isString(m.notificationId) && isString(m.userId);
}

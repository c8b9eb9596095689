import { badInput } from '../errors';
import type { FieldChange } from '../recommendations/activity-changes';

/** RACI: who does the work, who answers for it, who is asked, who is told. */
export const STAKEHOLDER_ROLES = ['RESPONSIBLE', 'ACCOUNTABLE', 'CONSULTED', 'INFORMED'] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

export function assertStakeholderRole(role: string | null | undefined, field = 'role'): StakeholderRole {
  if (!(STAKEHOLDER_ROLES as readonly (string | null | undefined)[]).includes(role)) {
    throw badInput(field, `"${String(role)}" is not one of ${STAKEHOLDER_ROLES.join(', ')}`);
  }
  return role as StakeholderRole;
}

/**
 * The changes of a STAKEHOLDER_ADDED or STAKEHOLDER_REMOVED entry: `stakeholder` holds the user id (from
 * null when added, to null when removed, both when only the role changes), then `role`.
 * Empty when nothing changes (the same role again).
 */
export function stakeholderChanges(
  userId: string,
  before: StakeholderRole | null,
  after: StakeholderRole | null,
): FieldChange[] {
  if (before === after) return [];
  return [
    { field: 'stakeholder', from: before === null ? null : userId, to: after === null ? null : userId },
    { field: 'role', from: before, to: after },
  ];
}

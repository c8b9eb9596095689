import { forbidden, notFound } from '../errors';
import { type Role } from '../workflow';

export const TEAM_ACTIONS = [
  'READ',
  'COMMENT',
  'DELETE_ANY_COMMENT',
  'CREATE_RECOMMENDATION',
  'EDIT_RECOMMENDATION',
  'MANAGE_ACTION_ITEMS',
  'ASSIGN',
  'SET_ACTION_ITEM_STATUS',
  'MANAGE_TEAM',
] as const;

/**
 * What a team member may do (the contract's permission table):
 * - READ: the team's recommendations, comments, activity, progress.
 * - COMMENT: comment; edit or delete one's own comment.
 * - DELETE_ANY_COMMENT: delete another's comment.
 * - CREATE_RECOMMENDATION: create and import recommendations.
 * - EDIT_RECOMMENDATION: title, description, priority, labels.
 * - MANAGE_ACTION_ITEMS: create, edit, delete action items.
 * - ASSIGN: set owner or deadline, add or remove stakeholders, snooze.
 * - SET_ACTION_ITEM_STATUS: set an action item's status.
 * - MANAGE_TEAM: members, workflow, reminder policy, webhooks.
 */
export type TeamAction = (typeof TEAM_ACTIONS)[number];

// Local on purpose: the RACI enum belongs to whoever models stakeholders; this only reads it.
type RaciRole = 'RESPONSIBLE' | 'ACCOUNTABLE' | 'CONSULTED' | 'INFORMED';

export interface Actor {
  /** The actor's role in the team; null when they are no member of it. */
  role: Role | null;
  /** Owner of the recommendation at hand. */
  isOwner?: boolean;
  /** The actor's stakeholder role on the recommendation at hand, if any. */
  stakeholderRole?: RaciRole | null;
  /** Assignee of the action item at hand. */
  isAssignee?: boolean;
}

export type PermissionDecision = 'ALLOWED' | 'FORBIDDEN' | 'NOT_FOUND';

interface Rule {
  /** Roles allowed outright. */
  roles: readonly Role[];
  /** What lets a MEMBER in besides; STAKEHOLDER-role members never get more than READ and COMMENT. */
  member?: (actor: Actor) => boolean;
  /** For messages: who may, and what it is. */
  who: string;
  what: string;
}

const ALL: readonly Role[] = ['ADMIN', 'MANAGER', 'MEMBER', 'STAKEHOLDER'];
const MANAGERS: readonly Role[] = ['ADMIN', 'MANAGER'];

const isOwner = (actor: Actor): boolean => actor.isOwner === true;
const isResponsible = (actor: Actor): boolean => actor.stakeholderRole === 'RESPONSIBLE';

const RULES: Record<TeamAction, Rule> = {
  READ: { roles: ALL, who: 'any member', what: "reading the team's recommendations" },
  COMMENT: { roles: ALL, who: 'any member', what: 'commenting' },
  DELETE_ANY_COMMENT: { roles: MANAGERS, who: 'ADMIN or MANAGER', what: "deleting another's comment" },
  CREATE_RECOMMENDATION: {
    roles: ['ADMIN', 'MANAGER', 'MEMBER'],
    who: 'ADMIN, MANAGER or MEMBER',
    what: 'creating or importing recommendations',
  },
  EDIT_RECOMMENDATION: {
    roles: MANAGERS,
    member: (actor) => isOwner(actor) || isResponsible(actor),
    who: 'ADMIN or MANAGER, or a MEMBER who owns it or is RESPONSIBLE for it',
    what: 'editing a recommendation',
  },
  MANAGE_ACTION_ITEMS: {
    roles: MANAGERS,
    member: (actor) => isOwner(actor) || isResponsible(actor),
    who: 'ADMIN or MANAGER, or a MEMBER who owns the recommendation or is RESPONSIBLE for it',
    what: 'creating, editing or deleting action items',
  },
  ASSIGN: {
    roles: MANAGERS,
    member: isOwner,
    who: 'ADMIN or MANAGER, or a MEMBER who owns the recommendation',
    what: 'setting the owner, deadline, stakeholders or snooze',
  },
  SET_ACTION_ITEM_STATUS: {
    roles: MANAGERS,
    member: (actor) => isOwner(actor) || isResponsible(actor) || actor.isAssignee === true,
    who: 'ADMIN or MANAGER, or a MEMBER who owns the recommendation, is RESPONSIBLE for it or is assigned the item',
    what: "setting an action item's status",
  },
  MANAGE_TEAM: {
    roles: ['ADMIN'],
    who: 'ADMIN',
    what: "managing the team's members, workflow, reminder policy and webhooks",
  },
};

/** Whether the actor may do `action`: non-members get NOT_FOUND, so a team's existence does not leak. */
export function decide(actor: Actor, action: TeamAction): PermissionDecision {
  const { role } = actor;
  if (role === null || role === undefined) return 'NOT_FOUND';
  const rule = RULES[action];
  if (rule.roles.includes(role)) return 'ALLOWED';
  if (role === 'MEMBER' && rule.member?.(actor)) return 'ALLOWED';
  return 'FORBIDDEN';
}

/** Throws NOT_FOUND (`<what> not found`) for non-members and FORBIDDEN naming the action and role otherwise. */
export function authorize(actor: Actor, action: TeamAction, what = 'Resource'): void {
  const decision = decide(actor, action);
  if (decision === 'NOT_FOUND') throw notFound(what);
  if (decision === 'FORBIDDEN') {
    const rule = RULES[action];
    const text = rule.what.charAt(0).toUpperCase() + rule.what.slice(1);
    throw forbidden(`${text} (${action}) needs ${rule.who}; you are ${actor.role}`);
  }
}

/** Shorthand for `decide(actor, action) === 'ALLOWED'`. */
export function isAllowed(actor: Actor, action: TeamAction): boolean {
  return decide(actor, action) === 'ALLOWED';
}

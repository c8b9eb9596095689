import { badInput, forbidden, invalidTransition } from '../errors';
import {
  type StateCategory,
  type TransitionContext,
  type Workflow,
  type WorkflowState,
  type WorkflowTransition,
} from './workflow-types';

export function findState(workflow: Workflow, key: string): WorkflowState | undefined {
  return workflow.states.find((state) => state.key === key);
}

/**
 * The category of a state of the workflow. A key that is not in it means stored data and workflow
 * disagree (updateWorkflow refuses to drop states in use), so this is a plain Error, not bad input.
 */
export function categoryOf(workflow: Workflow, key: string): StateCategory {
  const state = findState(workflow, key);
  if (!state) throw new Error(`State ${key} is not in the workflow`);
  return state.category;
}

/** COMPLETED and CANCELED states are closed: no reminders, not overdue, not "open". */
export function isClosedCategory(category: StateCategory): boolean {
  return category === 'COMPLETED' || category === 'CANCELED';
}

/** The transitions leading out of `from`, in the workflow's order. */
export function transitionsFrom(workflow: Workflow, from: string): WorkflowTransition[] {
  return workflow.transitions.filter((transition) => transition.from === from);
}

/** Whether the actor's role or ownership lets them take the transition (guards aside). */
export function mayTake(transition: WorkflowTransition, role: TransitionContext['role'], isOwner: boolean): boolean {
  return transition.allowedRoles.includes(role) || (transition.allowOwner && isOwner);
}

/**
 * Checks a move of a recommendation from `ctx.from` to `ctx.to` and returns the transition taken.
 * In order: an unknown target state is BAD_USER_INPUT (`toState`); a move the workflow lacks is
 * INVALID_TRANSITION listing where one can go; a role that may not take it is FORBIDDEN (the owner may
 * take an `allowOwner` transition whatever their role, STAKEHOLDER included); then the guards
 * (comment, open action items) are INVALID_TRANSITION.
 */
export function checkTransition(workflow: Workflow, ctx: TransitionContext): WorkflowTransition {
  const target = findState(workflow, ctx.to);
  if (!target) {
    const keys = workflow.states.map((state) => state.key).join(', ');
    throw badInput('toState', `unknown state "${ctx.to}"; the workflow's states are ${keys}`);
  }
  if (ctx.from === ctx.to) throw invalidTransition(`The recommendation is already in ${ctx.to}`);

  const transition = workflow.transitions.find((candidate) => candidate.from === ctx.from && candidate.to === ctx.to);
  if (!transition) {
    const targets = transitionsFrom(workflow, ctx.from).map((candidate) => candidate.to);
    const where =
      targets.length > 0 ? `from ${ctx.from} it can move to ${targets.join(', ')}` : `${ctx.from} has no way out`;
    throw invalidTransition(`The workflow has no transition from ${ctx.from} to ${ctx.to}; ${where}`);
  }

  if (!mayTake(transition, ctx.role, ctx.isOwner)) {
    const who = [
      transition.allowedRoles.length > 0 ? `role ${transition.allowedRoles.join(' or ')}` : '',
      transition.allowOwner ? "the recommendation's owner" : '',
    ]
      .filter(Boolean)
      .join(' or ');
    throw forbidden(`Moving from ${ctx.from} to ${ctx.to} needs ${who}; you are ${ctx.role}`);
  }

  if (transition.requiresComment && !ctx.comment?.trim()) {
    throw invalidTransition(`Moving from ${ctx.from} to ${ctx.to} requires a comment`);
  }
  if (transition.requiresActionItemsDone && ctx.openActionItems > 0) {
    const open = ctx.openActionItems === 1 ? '1 action item is' : `${ctx.openActionItems} action items are`;
    throw invalidTransition(`Moving from ${ctx.from} to ${ctx.to} requires every action item done: ${open} still open`);
  }
  return transition;
}

/**
 * `completedAt` after a move between these categories: entering COMPLETED sets it to `now`, leaving
 * COMPLETED clears it, moving within COMPLETED keeps it, and outside COMPLETED it is null.
 */
export function completedAtAfter(
  move: { fromCategory: StateCategory; toCategory: StateCategory },
  previousCompletedAt: Date | null,
  now: Date,
): Date | null {
  if (move.toCategory !== 'COMPLETED') return null;
  if (move.fromCategory === 'COMPLETED') return previousCompletedAt ?? now;
  return now;
}

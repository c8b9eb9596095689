import { badInput } from '../errors';
import {
  type Role,
  ROLES,
  STATE_CATEGORIES,
  type StateCategory,
  type Workflow,
  type WorkflowInput,
  type WorkflowState,
  type WorkflowTransition,
} from './workflow-types';

const STATE_KEY = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const MAX_KEY_LENGTH = 50;
const MAX_NAME_LENGTH = 100;
const MAX_STATES = 50;
const MAX_TRANSITIONS = 500;

const isCategory = (value: unknown): value is StateCategory => (STATE_CATEGORIES as readonly unknown[]).includes(value);
const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/**
 * Checks and normalizes a team's new workflow (`updateWorkflow`). Throws BAD_USER_INPUT naming the
 * field at fault (`input.transitions[2].to`, `input.initialState`, ...). `statesInUse` holds the state
 * keys of the team's existing recommendations: none of them may be dropped.
 *
 * Beyond the contract's two rules (known states, no dropped state in use) it refuses what would make a
 * workflow unusable: duplicate or malformed keys, blank names, self or duplicate transitions, a
 * transition nobody may take, a closed initial state, and a state that no recommendation could ever
 * reach (unreachable from the initial state and holding no recommendation today).
 */
export function validateWorkflow(input: WorkflowInput, statesInUse: readonly string[], field = 'input'): Workflow {
  const states = validateStates(input.states, field);
  const keys = new Set(states.map((state) => state.key));
  const transitions = validateTransitions(input.transitions, keys, field);

  const initialState = input.initialState;
  const initial = states.find((state) => state.key === initialState);
  if (!initial) {
    throw badInput(`${field}.initialState`, `"${String(initialState)}" is not one of the workflow's states`);
  }
  // A new recommendation would start closed: no reminders, and completedAt unset while COMPLETED.
  if (initial.category === 'COMPLETED' || initial.category === 'CANCELED') {
    throw badInput(`${field}.initialState`, `the initial state cannot be ${initial.category} (${initial.key})`);
  }

  const dropped = [...new Set(statesInUse)].filter((key) => !keys.has(key));
  if (dropped.length > 0) {
    const list = dropped.join(', ');
    throw badInput(
      `${field}.states`,
      `cannot drop state${dropped.length > 1 ? 's' : ''} ${list}: still in use by recommendations; move them first`,
    );
  }

  const reachable = reachableFrom(initialState, transitions);
  const inUse = new Set(statesInUse);
  const deadIndex = states.findIndex((state) => !reachable.has(state.key) && !inUse.has(state.key));
  if (deadIndex >= 0) {
    throw badInput(
      `${field}.states[${deadIndex}]`,
      `state ${states[deadIndex].key} cannot be reached from the initial state ${initialState}; add a transition into it`,
    );
  }

  return { states, transitions, initialState };
}

function validateStates(input: readonly WorkflowState[], field: string): WorkflowState[] {
  if (!Array.isArray(input) || input.length === 0)
    throw badInput(`${field}.states`, 'a workflow needs at least one state');
  if (input.length > MAX_STATES) throw badInput(`${field}.states`, `at most ${MAX_STATES} states`);
  const seen = new Set<string>();
  return input.map((state, i) => {
    const at = `${field}.states[${i}]`;
    const key = state.key;
    if (typeof key !== 'string' || !STATE_KEY.test(key) || key.length > MAX_KEY_LENGTH) {
      throw badInput(
        `${at}.key`,
        `"${String(key)}" must be UPPER_SNAKE_CASE (e.g. IN_REVIEW), at most ${MAX_KEY_LENGTH} characters`,
      );
    }
    if (seen.has(key)) throw badInput(`${at}.key`, `duplicate state key ${key}`);
    seen.add(key);
    const name = typeof state.name === 'string' ? state.name.trim() : '';
    if (!name) throw badInput(`${at}.name`, `state ${key} needs a name`);
    if (name.length > MAX_NAME_LENGTH) throw badInput(`${at}.name`, `at most ${MAX_NAME_LENGTH} characters`);
    if (!isCategory(state.category)) {
      throw badInput(`${at}.category`, `"${String(state.category)}" is not one of ${STATE_CATEGORIES.join(', ')}`);
    }
    return { key, name, category: state.category };
  });
}

function validateTransitions(
  input: WorkflowInput['transitions'],
  keys: ReadonlySet<string>,
  field: string,
): WorkflowTransition[] {
  if (!Array.isArray(input)) throw badInput(`${field}.transitions`, 'must be a list');
  if (input.length > MAX_TRANSITIONS) throw badInput(`${field}.transitions`, `at most ${MAX_TRANSITIONS} transitions`);
  const seen = new Set<string>();
  return input.map((transition, i) => {
    const at = `${field}.transitions[${i}]`;
    const { from, to } = transition;
    if (!keys.has(from)) throw badInput(`${at}.from`, `unknown state "${String(from)}"`);
    if (!keys.has(to)) throw badInput(`${at}.to`, `unknown state "${String(to)}"`);
    if (from === to) throw badInput(`${at}.to`, `a transition cannot lead from ${from} to itself`);
    const pair = `${from}\u0000${to}`;
    if (seen.has(pair)) throw badInput(at, `duplicate transition from ${from} to ${to}`);
    seen.add(pair);

    const roles = Array.isArray(transition.allowedRoles) ? transition.allowedRoles : [];
    roles.forEach((role, j) => {
      if (!isRole(role))
        throw badInput(`${at}.allowedRoles[${j}]`, `"${String(role)}" is not one of ${ROLES.join(', ')}`);
    });
    // Canonical order and no repeats, so that equal workflows compare equal.
    const allowedRoles = ROLES.filter((role) => roles.includes(role));
    const allowOwner = transition.allowOwner ?? false;
    if (allowedRoles.length === 0 && !allowOwner) {
      throw badInput(`${at}.allowedRoles`, `nobody could move from ${from} to ${to}: name a role or set allowOwner`);
    }
    return {
      from,
      to,
      allowedRoles,
      allowOwner,
      requiresComment: transition.requiresComment ?? false,
      requiresActionItemsDone: transition.requiresActionItemsDone ?? false,
    };
  });
}

function reachableFrom(start: string, transitions: readonly WorkflowTransition[]): Set<string> {
  const reached = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const key = queue.shift() as string;
    for (const transition of transitions) {
      if (transition.from === key && !reached.has(transition.to)) {
        reached.add(transition.to);
        queue.push(transition.to);
      }
    }
  }
  return reached;
}

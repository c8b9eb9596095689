import { type Role, type Workflow, type WorkflowTransition } from './workflow-types';

const MANAGERS: Role[] = ['ADMIN', 'MANAGER'];

const t = (
  from: string,
  to: string,
  flags: Partial<Pick<WorkflowTransition, 'allowOwner' | 'requiresComment' | 'requiresActionItemsDone'>> = {},
): WorkflowTransition => ({
  from,
  to,
  allowedRoles: [...MANAGERS],
  allowOwner: flags.allowOwner ?? false,
  requiresComment: flags.requiresComment ?? false,
  requiresActionItemsDone: flags.requiresActionItemsDone ?? false,
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The workflow every new team gets (the contract's table). Frozen: copy it with `cloneWorkflow` to change it. */
export const DEFAULT_WORKFLOW: Workflow = deepFreeze({
  states: [
    { key: 'PROPOSED', name: 'Proposed', category: 'UNSTARTED' },
    { key: 'ACCEPTED', name: 'Accepted', category: 'UNSTARTED' },
    { key: 'IN_PROGRESS', name: 'In progress', category: 'STARTED' },
    { key: 'BLOCKED', name: 'Blocked', category: 'STARTED' },
    { key: 'IMPLEMENTED', name: 'Implemented', category: 'COMPLETED' },
    { key: 'DEFERRED', name: 'Deferred', category: 'BACKLOG' },
    { key: 'REJECTED', name: 'Rejected', category: 'CANCELED' },
  ],
  transitions: [
    t('PROPOSED', 'ACCEPTED'),
    t('PROPOSED', 'REJECTED', { requiresComment: true }),
    t('PROPOSED', 'DEFERRED'),
    t('DEFERRED', 'PROPOSED'),
    t('ACCEPTED', 'IN_PROGRESS', { allowOwner: true }),
    t('ACCEPTED', 'DEFERRED'),
    t('IN_PROGRESS', 'BLOCKED', { allowOwner: true, requiresComment: true }),
    t('BLOCKED', 'IN_PROGRESS', { allowOwner: true }),
    t('IN_PROGRESS', 'IMPLEMENTED', { allowOwner: true, requiresComment: true, requiresActionItemsDone: true }),
    t('IMPLEMENTED', 'IN_PROGRESS', { requiresComment: true }),
  ],
  initialState: 'PROPOSED',
});

/** A mutable deep copy, e.g. of `DEFAULT_WORKFLOW` for a new team. */
export function cloneWorkflow(workflow: Workflow): Workflow {
  return {
    states: workflow.states.map((state) => ({ ...state })),
    transitions: workflow.transitions.map((transition) => ({
      ...transition,
      allowedRoles: [...transition.allowedRoles],
    })),
    initialState: workflow.initialState,
  };
}

/** What a workflow state means, whatever a team calls it. */
export const STATE_CATEGORIES = ['BACKLOG', 'UNSTARTED', 'STARTED', 'COMPLETED', 'CANCELED'] as const;
export type StateCategory = (typeof STATE_CATEGORIES)[number];

/** A member's role in a team, most powerful first. */
export const ROLES = ['ADMIN', 'MANAGER', 'MEMBER', 'STAKEHOLDER'] as const;
export type Role = (typeof ROLES)[number];

export interface WorkflowState {
  /** UPPER_SNAKE_CASE, e.g. IN_PROGRESS; what recommendations store and clients send. */
  key: string;
  name: string;
  category: StateCategory;
}

export interface WorkflowTransition {
  from: string;
  to: string;
  allowedRoles: Role[];
  /** The recommendation's owner may take it whatever their role. */
  allowOwner: boolean;
  requiresComment: boolean;
  /** Refused while any action item is TODO or IN_PROGRESS. */
  requiresActionItemsDone: boolean;
}

export interface Workflow {
  states: WorkflowState[];
  transitions: WorkflowTransition[];
  initialState: string;
}

/** `updateWorkflow`'s input: the flags are optional (null or absent means false). */
export interface WorkflowInput {
  states: WorkflowState[];
  transitions: Array<{
    from: string;
    to: string;
    allowedRoles: Role[];
    allowOwner?: boolean | null;
    requiresComment?: boolean | null;
    requiresActionItemsDone?: boolean | null;
  }>;
  initialState: string;
}

/** Who asks to move a recommendation, and what the guards look at. */
export interface TransitionContext {
  from: string;
  to: string;
  role: Role;
  isOwner: boolean;
  comment?: string | null;
  /** Action items still TODO or IN_PROGRESS. */
  openActionItems: number;
}

import { findState, type Workflow } from '@docket/domain';

import type { WorkflowModel } from './workflow.model';

export const toWorkflowModel = (workflow: Workflow): WorkflowModel => {
  const initialState = findState(workflow, workflow.initialState);
  // validateWorkflow guarantees it; a stored workflow without it is corrupt data, not bad input.
  if (!initialState) throw new Error(`Workflow's initial state ${workflow.initialState} is not one of its states`);
  return {
    states: workflow.states.map((state) => ({ ...state })),
    transitions: workflow.transitions.map((transition) => ({ ...transition })),
    initialState: { ...initialState },
  };
};

import { cloneWorkflow, DEFAULT_WORKFLOW } from './default-workflow';
import { validateWorkflow } from './workflow-validation';

describe('DEFAULT_WORKFLOW', () => {
  it('has the contract states, names and categories, starting at PROPOSED', () => {
    expect(DEFAULT_WORKFLOW.initialState).toBe('PROPOSED');
    expect(DEFAULT_WORKFLOW.states).toEqual([
      { key: 'PROPOSED', name: 'Proposed', category: 'UNSTARTED' },
      { key: 'ACCEPTED', name: 'Accepted', category: 'UNSTARTED' },
      { key: 'IN_PROGRESS', name: 'In progress', category: 'STARTED' },
      { key: 'BLOCKED', name: 'Blocked', category: 'STARTED' },
      { key: 'IMPLEMENTED', name: 'Implemented', category: 'COMPLETED' },
      { key: 'DEFERRED', name: 'Deferred', category: 'BACKLOG' },
      { key: 'REJECTED', name: 'Rejected', category: 'CANCELED' },
    ]);
  });

  // from, to, allowOwner, requiresComment, requiresActionItemsDone: the contract's table row by row.
  const table: Array<[string, string, boolean, boolean, boolean]> = [
    ['PROPOSED', 'ACCEPTED', false, false, false],
    ['PROPOSED', 'REJECTED', false, true, false],
    ['PROPOSED', 'DEFERRED', false, false, false],
    ['DEFERRED', 'PROPOSED', false, false, false],
    ['ACCEPTED', 'IN_PROGRESS', true, false, false],
    ['ACCEPTED', 'DEFERRED', false, false, false],
    ['IN_PROGRESS', 'BLOCKED', true, true, false],
    ['BLOCKED', 'IN_PROGRESS', true, false, false],
    ['IN_PROGRESS', 'IMPLEMENTED', true, true, true],
    ['IMPLEMENTED', 'IN_PROGRESS', false, true, false],
  ];

  it('has exactly the contract transitions', () => {
    expect(DEFAULT_WORKFLOW.transitions).toEqual(
      table.map(([from, to, allowOwner, requiresComment, requiresActionItemsDone]) => ({
        from,
        to,
        allowedRoles: ['ADMIN', 'MANAGER'],
        allowOwner,
        requiresComment,
        requiresActionItemsDone,
      })),
    );
  });

  it('passes its own validation unchanged', () => {
    expect(validateWorkflow(DEFAULT_WORKFLOW, ['PROPOSED', 'IMPLEMENTED'])).toEqual(DEFAULT_WORKFLOW);
  });

  it('is frozen, and cloneWorkflow gives an independent mutable copy', () => {
    expect(Object.isFrozen(DEFAULT_WORKFLOW.transitions[0].allowedRoles)).toBe(true);
    const copy = cloneWorkflow(DEFAULT_WORKFLOW);
    copy.states.push({ key: 'ARCHIVED', name: 'Archived', category: 'CANCELED' });
    copy.transitions[0].allowedRoles.push('MEMBER');
    expect(DEFAULT_WORKFLOW.states).toHaveLength(7);
    expect(DEFAULT_WORKFLOW.transitions[0].allowedRoles).toEqual(['ADMIN', 'MANAGER']);
  });
});

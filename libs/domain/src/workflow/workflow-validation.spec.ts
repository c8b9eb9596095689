import { DomainError } from '../errors';
import { cloneWorkflow, DEFAULT_WORKFLOW } from './default-workflow';
import { type WorkflowInput } from './workflow-types';
import { validateWorkflow } from './workflow-validation';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

const base = (): WorkflowInput => cloneWorkflow(DEFAULT_WORKFLOW);

/** A small two-state workflow to build cases from. */
const small = (): WorkflowInput => ({
  states: [
    { key: 'OPEN', name: 'Open', category: 'UNSTARTED' },
    { key: 'DONE', name: 'Done', category: 'COMPLETED' },
  ],
  transitions: [{ from: 'OPEN', to: 'DONE', allowedRoles: ['MEMBER'] }],
  initialState: 'OPEN',
});

describe('validateWorkflow', () => {
  it('normalizes: optional flags default to false, names are trimmed, roles deduplicated in canonical order', () => {
    const input = small();
    input.states[0].name = '  Open  ';
    input.transitions[0] = {
      from: 'OPEN',
      to: 'DONE',
      allowedRoles: ['MEMBER', 'ADMIN', 'MEMBER'],
      requiresComment: null,
    };
    expect(validateWorkflow(input, [])).toEqual({
      states: [
        { key: 'OPEN', name: 'Open', category: 'UNSTARTED' },
        { key: 'DONE', name: 'Done', category: 'COMPLETED' },
      ],
      transitions: [
        {
          from: 'OPEN',
          to: 'DONE',
          allowedRoles: ['ADMIN', 'MEMBER'],
          allowOwner: false,
          requiresComment: false,
          requiresActionItemsDone: false,
        },
      ],
      initialState: 'OPEN',
    });
  });

  it('keeps given flags', () => {
    const input = small();
    input.transitions[0] = {
      from: 'OPEN',
      to: 'DONE',
      allowedRoles: [],
      allowOwner: true,
      requiresComment: true,
      requiresActionItemsDone: true,
    };
    expect(validateWorkflow(input, []).transitions[0]).toMatchObject({
      allowedRoles: [],
      allowOwner: true,
      requiresComment: true,
      requiresActionItemsDone: true,
    });
  });

  it('does not share arrays with its input', () => {
    const input = small();
    const result = validateWorkflow(input, []);
    input.states.pop();
    expect(result.states).toHaveLength(2);
  });

  it('accepts a new state reachable from the initial state', () => {
    const input = base();
    input.states.push({ key: 'ARCHIVED', name: 'Archived', category: 'CANCELED' });
    input.transitions.push({ from: 'IMPLEMENTED', to: 'ARCHIVED', allowedRoles: ['ADMIN'] });
    expect(validateWorkflow(input, []).states.map((state) => state.key)).toContain('ARCHIVED');
  });

  const cases: Array<[string, (input: WorkflowInput) => void, string, RegExp]> = [
    ['no states', (w) => (w.states = []), 'input.states', /at least one state/],
    ['a lower-case key', (w) => (w.states[1].key = 'in_progress'), 'input.states[1].key', /UPPER_SNAKE_CASE/],
    ['a key with a space', (w) => (w.states[1].key = 'IN PROGRESS'), 'input.states[1].key', /UPPER_SNAKE_CASE/],
    ['a key with a trailing underscore', (w) => (w.states[1].key = 'ACCEPTED_'), 'input.states[1].key', /UPPER_SNAKE/],
    ['a key opening with a digit', (w) => (w.states[1].key = '2ND'), 'input.states[1].key', /UPPER_SNAKE_CASE/],
    ['a duplicate key', (w) => (w.states[3].key = 'ACCEPTED'), 'input.states[3].key', /duplicate state key ACCEPTED/],
    ['a blank name', (w) => (w.states[2].name = '   '), 'input.states[2].name', /needs a name/],
    ['an unknown category', (w) => (w.states[2].category = 'DOING' as never), 'input.states[2].category', /DOING/],
    ['an unknown from', (w) => (w.transitions[2].from = 'NOPE'), 'input.transitions[2].from', /unknown state "NOPE"/],
    ['an unknown to', (w) => (w.transitions[2].to = 'NOPE'), 'input.transitions[2].to', /unknown state "NOPE"/],
    ['a self-transition', (w) => (w.transitions[2].to = 'PROPOSED'), 'input.transitions[2].to', /to itself/],
    [
      'a duplicate transition',
      (w) => w.transitions.push({ from: 'PROPOSED', to: 'ACCEPTED', allowedRoles: ['ADMIN'] }),
      'input.transitions[10]',
      /duplicate transition from PROPOSED to ACCEPTED/,
    ],
    [
      'an unknown role',
      (w) => (w.transitions[1].allowedRoles = ['ADMIN', 'OWNER' as never]),
      'input.transitions[1].allowedRoles[1]',
      /OWNER/,
    ],
    [
      'a transition nobody may take',
      (w) => (w.transitions[0] = { from: 'PROPOSED', to: 'ACCEPTED', allowedRoles: [], allowOwner: false }),
      'input.transitions[0].allowedRoles',
      /nobody could move/,
    ],
    ['an unknown initial state', (w) => (w.initialState = 'START'), 'input.initialState', /"START"/],
    ['a closed initial state', (w) => (w.initialState = 'REJECTED'), 'input.initialState', /CANCELED/],
    [
      'an unreachable state',
      (w) => w.states.push({ key: 'LIMBO', name: 'Limbo', category: 'BACKLOG' }),
      'input.states[7]',
      /LIMBO cannot be reached/,
    ],
  ];

  it.each(cases)('refuses %s (BAD_USER_INPUT naming %s)', (_what, mutate, field, message) => {
    const input = base();
    mutate(input);
    const error = errorOf(() => validateWorkflow(input, []));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('refuses to drop a state still in use, naming it', () => {
    const input = base();
    input.states = input.states.filter((state) => state.key !== 'BLOCKED');
    input.transitions = input.transitions.filter((t) => t.from !== 'BLOCKED' && t.to !== 'BLOCKED');
    const error = errorOf(() => validateWorkflow(input, ['PROPOSED', 'BLOCKED', 'BLOCKED']));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.states' });
    expect(error.message).toContain('BLOCKED');
    expect(error.message).not.toContain('PROPOSED');
  });

  it('drops a state no recommendation uses', () => {
    const input = base();
    input.states = input.states.filter((state) => state.key !== 'BLOCKED');
    input.transitions = input.transitions.filter((t) => t.from !== 'BLOCKED' && t.to !== 'BLOCKED');
    expect(validateWorkflow(input, ['PROPOSED', 'IN_PROGRESS']).states.map((s) => s.key)).not.toContain('BLOCKED');
  });

  it('keeps an unreachable state while recommendations are in it', () => {
    const input = base();
    // Nothing leads into DEFERRED any more, but existing recommendations sit there and can leave it.
    input.transitions = input.transitions.filter((t) => t.to !== 'DEFERRED');
    expect(() => validateWorkflow(input, [])).toThrow(/DEFERRED cannot be reached/);
    expect(validateWorkflow(input, ['DEFERRED']).states.map((s) => s.key)).toContain('DEFERRED');
  });

  it('uses the given field prefix', () => {
    const input = small();
    input.initialState = 'X';
    expect(errorOf(() => validateWorkflow(input, [], 'workflow')).field).toBe('workflow.initialState');
  });
});

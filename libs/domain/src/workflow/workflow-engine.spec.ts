import { DomainError } from '../errors';
import { DEFAULT_WORKFLOW } from './default-workflow';
import { categoryOf, checkTransition, completedAtAfter, isClosedCategory, transitionsFrom } from './workflow-engine';
import { type Role, STATE_CATEGORIES, type TransitionContext } from './workflow-types';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

const ctx = (overrides: Partial<TransitionContext>): TransitionContext => ({
  from: 'PROPOSED',
  to: 'ACCEPTED',
  role: 'MANAGER',
  isOwner: false,
  comment: null,
  openActionItems: 0,
  ...overrides,
});

describe('checkTransition (default workflow)', () => {
  it('returns the transition taken', () => {
    expect(checkTransition(DEFAULT_WORKFLOW, ctx({}))).toBe(DEFAULT_WORKFLOW.transitions[0]);
  });

  it('refuses an unknown target state as BAD_USER_INPUT on toState', () => {
    const error = errorOf(() => checkTransition(DEFAULT_WORKFLOW, ctx({ to: 'DONE' })));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toState' });
    expect(error.message).toContain('DONE');
  });

  it('refuses staying in the same state', () => {
    const error = errorOf(() => checkTransition(DEFAULT_WORKFLOW, ctx({ from: 'ACCEPTED', to: 'ACCEPTED' })));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toMatch(/already in ACCEPTED/);
  });

  it('refuses a missing transition, listing where one can go', () => {
    const error = errorOf(() =>
      checkTransition(DEFAULT_WORKFLOW, ctx({ from: 'PROPOSED', to: 'IMPLEMENTED', role: 'ADMIN' })),
    );
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toBe(
      'The workflow has no transition from PROPOSED to IMPLEMENTED; from PROPOSED it can move to ACCEPTED, REJECTED, DEFERRED',
    );
  });

  it('says so when a state has no way out', () => {
    const error = errorOf(() => checkTransition(DEFAULT_WORKFLOW, ctx({ from: 'REJECTED', to: 'PROPOSED' })));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toMatch(/REJECTED has no way out/);
  });

  it('checks the transition exists before the role', () => {
    expect(errorOf(() => checkTransition(DEFAULT_WORKFLOW, ctx({ to: 'IN_PROGRESS', role: 'STAKEHOLDER' }))).code).toBe(
      'INVALID_TRANSITION',
    );
  });

  // role, isOwner, from, to, expected outcome
  const roleCases: Array<[Role, boolean, string, string, 'ok' | 'FORBIDDEN']> = [
    ['ADMIN', false, 'PROPOSED', 'ACCEPTED', 'ok'],
    ['MANAGER', false, 'PROPOSED', 'ACCEPTED', 'ok'],
    ['MEMBER', false, 'PROPOSED', 'ACCEPTED', 'FORBIDDEN'],
    ['MEMBER', true, 'PROPOSED', 'ACCEPTED', 'FORBIDDEN'],
    ['STAKEHOLDER', false, 'PROPOSED', 'ACCEPTED', 'FORBIDDEN'],
    ['MEMBER', false, 'ACCEPTED', 'IN_PROGRESS', 'FORBIDDEN'],
    ['MEMBER', true, 'ACCEPTED', 'IN_PROGRESS', 'ok'],
    ['STAKEHOLDER', true, 'ACCEPTED', 'IN_PROGRESS', 'ok'],
    ['STAKEHOLDER', false, 'BLOCKED', 'IN_PROGRESS', 'FORBIDDEN'],
    ['ADMIN', false, 'BLOCKED', 'IN_PROGRESS', 'ok'],
    ['MEMBER', true, 'IMPLEMENTED', 'IN_PROGRESS', 'FORBIDDEN'],
  ];

  it.each(roleCases)('%s (owner: %s) moving %s → %s: %s', (role, isOwner, from, to, outcome) => {
    const run = () => checkTransition(DEFAULT_WORKFLOW, ctx({ role, isOwner, from, to, comment: 'why' }));
    if (outcome === 'ok') expect(run()).toMatchObject({ from, to });
    else expect(errorOf(run).code).toBe('FORBIDDEN');
  });

  it('names the roles needed and the actor role when forbidden', () => {
    const error = errorOf(() =>
      checkTransition(DEFAULT_WORKFLOW, ctx({ from: 'ACCEPTED', to: 'IN_PROGRESS', role: 'MEMBER' })),
    );
    expect(error.message).toBe(
      "Moving from ACCEPTED to IN_PROGRESS needs role ADMIN or MANAGER or the recommendation's owner; you are MEMBER",
    );
  });

  it.each([null, undefined, '', '   \n'])('requires a comment where the transition says so (comment %j)', (comment) => {
    const error = errorOf(() => checkTransition(DEFAULT_WORKFLOW, ctx({ to: 'REJECTED', comment })));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toMatch(/requires a comment/);
  });

  it('accepts a comment', () => {
    expect(checkTransition(DEFAULT_WORKFLOW, ctx({ to: 'REJECTED', comment: 'out of scope' })).to).toBe('REJECTED');
  });

  it('checks the role before the guards', () => {
    expect(errorOf(() => checkTransition(DEFAULT_WORKFLOW, ctx({ to: 'REJECTED', role: 'MEMBER' }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it.each([
    [1, '1 action item is still open'],
    [3, '3 action items are still open'],
  ])('refuses IMPLEMENTED with %d open action items', (openActionItems, text) => {
    const error = errorOf(() =>
      checkTransition(
        DEFAULT_WORKFLOW,
        ctx({ from: 'IN_PROGRESS', to: 'IMPLEMENTED', comment: 'done', openActionItems }),
      ),
    );
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toContain(text);
  });

  it('checks the comment before the action items', () => {
    const error = errorOf(() =>
      checkTransition(DEFAULT_WORKFLOW, ctx({ from: 'IN_PROGRESS', to: 'IMPLEMENTED', openActionItems: 2 })),
    );
    expect(error.message).toMatch(/requires a comment/);
  });

  it('lets the owner implement once every action item is done', () => {
    const transition = checkTransition(
      DEFAULT_WORKFLOW,
      ctx({
        from: 'IN_PROGRESS',
        to: 'IMPLEMENTED',
        role: 'MEMBER',
        isOwner: true,
        comment: 'done',
        openActionItems: 0,
      }),
    );
    expect(transition.requiresActionItemsDone).toBe(true);
  });

  it('ignores open action items where the transition does not require them done', () => {
    expect(checkTransition(DEFAULT_WORKFLOW, ctx({ openActionItems: 5 })).to).toBe('ACCEPTED');
  });
});

describe('categoryOf, isClosedCategory, transitionsFrom', () => {
  it('finds the category of a state', () => {
    expect(categoryOf(DEFAULT_WORKFLOW, 'IMPLEMENTED')).toBe('COMPLETED');
    expect(categoryOf(DEFAULT_WORKFLOW, 'DEFERRED')).toBe('BACKLOG');
  });

  it('throws on a state outside the workflow', () => {
    expect(() => categoryOf(DEFAULT_WORKFLOW, 'GONE')).toThrow(/GONE/);
  });

  it.each(STATE_CATEGORIES.map((category) => [category, category === 'COMPLETED' || category === 'CANCELED']))(
    '%s closed: %s',
    (category, closed) => {
      expect(isClosedCategory(category)).toBe(closed);
    },
  );

  it('lists the transitions out of a state', () => {
    expect(transitionsFrom(DEFAULT_WORKFLOW, 'IN_PROGRESS').map((t) => t.to)).toEqual(['BLOCKED', 'IMPLEMENTED']);
  });
});

describe('completedAtAfter', () => {
  const before = new Date('2026-01-01T00:00:00Z');
  const now = new Date('2026-03-01T09:00:00Z');

  it('sets completedAt when entering COMPLETED', () => {
    expect(completedAtAfter({ fromCategory: 'STARTED', toCategory: 'COMPLETED' }, null, now)).toBe(now);
  });

  it('clears it when leaving COMPLETED', () => {
    expect(completedAtAfter({ fromCategory: 'COMPLETED', toCategory: 'STARTED' }, before, now)).toBeNull();
    expect(completedAtAfter({ fromCategory: 'COMPLETED', toCategory: 'CANCELED' }, before, now)).toBeNull();
  });

  it('keeps it when moving between COMPLETED states', () => {
    expect(completedAtAfter({ fromCategory: 'COMPLETED', toCategory: 'COMPLETED' }, before, now)).toBe(before);
  });

  it('is null outside COMPLETED, CANCELED included', () => {
    expect(completedAtAfter({ fromCategory: 'UNSTARTED', toCategory: 'CANCELED' }, null, now)).toBeNull();
    expect(completedAtAfter({ fromCategory: 'BACKLOG', toCategory: 'UNSTARTED' }, null, now)).toBeNull();
  });
});

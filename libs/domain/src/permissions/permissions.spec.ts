import { DomainError } from '../errors';
import { type Role } from '../workflow';
import { type Actor, authorize, decide, isAllowed, TEAM_ACTIONS, type TeamAction } from './permissions';

type Flag = 'owner' | 'responsible' | 'assignee';

/**
 * The contract's table, written independently of the implementation: `true` allowed whatever the
 * flags, `false` never, a list: allowed when the actor has any of these flags.
 */
const TABLE: Record<TeamAction, Record<Role, boolean | Flag[]>> = {
  READ: { ADMIN: true, MANAGER: true, MEMBER: true, STAKEHOLDER: true },
  COMMENT: { ADMIN: true, MANAGER: true, MEMBER: true, STAKEHOLDER: true },
  DELETE_ANY_COMMENT: { ADMIN: true, MANAGER: true, MEMBER: false, STAKEHOLDER: false },
  CREATE_RECOMMENDATION: { ADMIN: true, MANAGER: true, MEMBER: true, STAKEHOLDER: false },
  EDIT_RECOMMENDATION: { ADMIN: true, MANAGER: true, MEMBER: ['owner', 'responsible'], STAKEHOLDER: false },
  MANAGE_ACTION_ITEMS: { ADMIN: true, MANAGER: true, MEMBER: ['owner', 'responsible'], STAKEHOLDER: false },
  ASSIGN: { ADMIN: true, MANAGER: true, MEMBER: ['owner'], STAKEHOLDER: false },
  SET_ACTION_ITEM_STATUS: {
    ADMIN: true,
    MANAGER: true,
    MEMBER: ['owner', 'responsible', 'assignee'],
    STAKEHOLDER: false,
  },
  MANAGE_TEAM: { ADMIN: true, MANAGER: false, MEMBER: false, STAKEHOLDER: false },
};

/** Flag profiles: none, each flag alone, the other RACI roles (which grant nothing), and all at once. */
const PROFILES: Array<{ label: string; flags: Flag[]; actor: Omit<Actor, 'role'> }> = [
  { label: 'no flags', flags: [], actor: {} },
  { label: 'owner', flags: ['owner'], actor: { isOwner: true } },
  { label: 'RESPONSIBLE', flags: ['responsible'], actor: { stakeholderRole: 'RESPONSIBLE' } },
  { label: 'ACCOUNTABLE', flags: [], actor: { stakeholderRole: 'ACCOUNTABLE' } },
  { label: 'CONSULTED', flags: [], actor: { stakeholderRole: 'CONSULTED' } },
  { label: 'INFORMED', flags: [], actor: { stakeholderRole: 'INFORMED' } },
  { label: 'assignee', flags: ['assignee'], actor: { isAssignee: true } },
  {
    label: 'every flag',
    flags: ['owner', 'responsible', 'assignee'],
    actor: { isOwner: true, stakeholderRole: 'RESPONSIBLE', isAssignee: true },
  },
];

const ROLES: Role[] = ['ADMIN', 'MANAGER', 'MEMBER', 'STAKEHOLDER'];

const rows = TEAM_ACTIONS.flatMap((action) =>
  ROLES.flatMap((role) =>
    PROFILES.map((profile) => {
      const rule = TABLE[action][role];
      const allowed = rule === true || (Array.isArray(rule) && rule.some((flag) => profile.flags.includes(flag)));
      return [action, role, profile.label, allowed ? 'ALLOWED' : 'FORBIDDEN', { role, ...profile.actor }] as const;
    }),
  ),
);

describe('decide', () => {
  it('covers every action of the table', () => {
    expect([...TEAM_ACTIONS].sort()).toEqual(Object.keys(TABLE).sort());
  });

  it.each(rows)('%s by %s (%s) is %s', (action, _role, _label, expected, actor) => {
    expect(decide(actor, action)).toBe(expected);
    expect(isAllowed(actor, action)).toBe(expected === 'ALLOWED');
  });

  it.each(TEAM_ACTIONS.flatMap((action) => PROFILES.map((profile) => [action, profile.label, profile.actor] as const)))(
    '%s by a non-member (%s) is NOT_FOUND',
    (action, _label, flags) => {
      expect(decide({ role: null, ...flags }, action)).toBe('NOT_FOUND');
    },
  );
});

describe('authorize', () => {
  function errorOf(run: () => unknown): DomainError {
    try {
      run();
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected a DomainError, nothing was thrown');
  }

  it('passes when allowed', () => {
    expect(() => authorize({ role: 'MEMBER', isOwner: true }, 'ASSIGN')).not.toThrow();
  });

  it('throws NOT_FOUND naming the thing for non-members', () => {
    const error = errorOf(() => authorize({ role: null, isOwner: true }, 'READ', 'Recommendation'));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Recommendation not found' });
  });

  it('defaults the thing to Resource', () => {
    expect(errorOf(() => authorize({ role: null }, 'COMMENT')).message).toBe('Resource not found');
  });

  it('throws FORBIDDEN naming the action and the role', () => {
    const error = errorOf(() => authorize({ role: 'MANAGER' }, 'MANAGE_TEAM'));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('MANAGE_TEAM');
    expect(error.message).toContain('you are MANAGER');
  });

  it('refuses a STAKEHOLDER who owns the recommendation anything beyond READ and COMMENT', () => {
    const error = errorOf(() =>
      authorize({ role: 'STAKEHOLDER', isOwner: true, stakeholderRole: 'RESPONSIBLE' }, 'ASSIGN'),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('you are STAKEHOLDER');
  });
});

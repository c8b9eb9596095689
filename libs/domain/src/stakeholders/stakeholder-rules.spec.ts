import { DomainError } from '../errors';
import { assertStakeholderRole, stakeholderChanges } from './stakeholder-rules';

describe('stakeholder rules', () => {
  it('accepts the four RACI roles and names the field otherwise', () => {
    expect(assertStakeholderRole('RESPONSIBLE', 'input.role')).toBe('RESPONSIBLE');
    expect(assertStakeholderRole('INFORMED')).toBe('INFORMED');
    const run = () => assertStakeholderRole('OWNER', 'input.role');
    expect(run).toThrow(DomainError);
    expect(run).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.role' }));
  });

  it('records an addition, a role change and a removal by user id and role', () => {
    expect(stakeholderChanges('u1', null, 'CONSULTED')).toEqual([
      { field: 'stakeholder', from: null, to: 'u1' },
      { field: 'role', from: null, to: 'CONSULTED' },
    ]);
    expect(stakeholderChanges('u1', 'CONSULTED', 'RESPONSIBLE')).toEqual([
      { field: 'stakeholder', from: 'u1', to: 'u1' },
      { field: 'role', from: 'CONSULTED', to: 'RESPONSIBLE' },
    ]);
    expect(stakeholderChanges('u1', 'RESPONSIBLE', null)).toEqual([
      { field: 'stakeholder', from: 'u1', to: null },
      { field: 'role', from: 'RESPONSIBLE', to: null },
    ]);
  });

  it('records nothing when the role stays the same', () => {
    expect(stakeholderChanges('u1', 'INFORMED', 'INFORMED')).toEqual([]);
  });
});

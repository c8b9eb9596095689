import { normalizeActionItemFilter } from './action-item-filter';

const ID = '6F9619FF-8B86-4011-B42D-00C04FC964FF';

describe('normalizeActionItemFilter', () => {
  it('reads absent and null as "any"', () => {
    expect(normalizeActionItemFilter(null)).toEqual({});
    expect(normalizeActionItemFilter({ teamKey: null, statuses: null, overdue: null })).toEqual({});
  });

  it('keeps what is given, ids lower-cased and statuses once each', () => {
    expect(
      normalizeActionItemFilter({
        teamKey: 'KOR',
        recommendationId: ID,
        assigneeId: ID,
        statuses: ['TODO', 'DONE', 'TODO'],
        overdue: false,
      }),
    ).toEqual({
      teamKey: 'KOR',
      recommendationId: ID.toLowerCase(),
      assigneeId: ID.toLowerCase(),
      statuses: ['TODO', 'DONE'],
      overdue: false,
    });
  });

  it.each([
    [{ recommendationId: 'KOR-1' }, 'filter.recommendationId'],
    [{ assigneeId: 'me' }, 'filter.assigneeId'],
    [{ statuses: ['TODO', 'FINISHED'] }, 'filter.statuses[1]'],
  ])('refuses %j, naming %s', (input, field) => {
    expect(() => normalizeActionItemFilter(input)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
  });
});

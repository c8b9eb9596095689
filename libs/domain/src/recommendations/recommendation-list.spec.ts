import { DomainError } from '../errors';
import { encodeCursor, encodeCursorParts } from './cursor';
import {
  completionRate,
  decodeRecommendationCursor,
  DEFAULT_RECOMMENDATION_ORDER,
  encodeRecommendationCursor,
  normalizeRecommendationFilter,
  priorityRank,
  type RecommendationOrder,
  resolveRecommendationOrder,
} from './recommendation-list';

const ID = '0b0e5a52-6f5e-4b6a-9d2a-6f2a1c0e7f11';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('priorityRank', () => {
  it('ranks URGENT > HIGH > MEDIUM > LOW > NONE', () => {
    const ranks = (['URGENT', 'HIGH', 'MEDIUM', 'LOW', 'NONE'] as const).map(priorityRank);
    expect(ranks).toEqual([4, 3, 2, 1, 0]);
  });
});

describe('resolveRecommendationOrder', () => {
  it('defaults to NUMBER ASC', () => {
    expect(resolveRecommendationOrder(null)).toEqual({ field: 'NUMBER', direction: 'ASC' });
    expect(DEFAULT_RECOMMENDATION_ORDER).toEqual({ field: 'NUMBER', direction: 'ASC' });
  });

  it('keeps a valid order and refuses an unknown field or direction, naming it', () => {
    expect(resolveRecommendationOrder({ field: 'DUE_AT', direction: 'DESC' })).toEqual({
      field: 'DUE_AT',
      direction: 'DESC',
    });
    expect(errorOf(() => resolveRecommendationOrder({ field: 'TITLE', direction: 'ASC' })).field).toBe('orderBy.field');
    expect(errorOf(() => resolveRecommendationOrder({ field: 'NUMBER', direction: 'UP' })).field).toBe(
      'orderBy.direction',
    );
  });
});

describe('recommendation cursors', () => {
  const cases: Array<[RecommendationOrder, number | string | null]> = [
    [{ field: 'NUMBER', direction: 'ASC' }, 42],
    [{ field: 'PRIORITY', direction: 'DESC' }, 4],
    [{ field: 'CREATED_AT', direction: 'DESC' }, '2026-03-01T09:00:00.123456Z'],
    [{ field: 'UPDATED_AT', direction: 'ASC' }, '2026-03-01T09:00:00Z'],
    [{ field: 'DUE_AT', direction: 'ASC' }, '2026-03-01T09:00:00.5Z'],
    [{ field: 'DUE_AT', direction: 'DESC' }, null],
  ];

  it.each(cases)('round-trips a %o position', (order, value) => {
    const cursor = encodeRecommendationCursor(order, { value, id: ID });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeRecommendationCursor(cursor, order)).toEqual({ value, id: ID });
  });

  it('refuses a cursor made for another field or direction, naming `after`', () => {
    const cursor = encodeRecommendationCursor({ field: 'NUMBER', direction: 'ASC' }, { value: 3, id: ID });
    for (const order of [
      { field: 'NUMBER', direction: 'DESC' },
      { field: 'PRIORITY', direction: 'ASC' },
    ] as RecommendationOrder[]) {
      expect(errorOf(() => decodeRecommendationCursor(cursor, order))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });

  const number: RecommendationOrder = { field: 'NUMBER', direction: 'ASC' };
  it.each([
    ['an activity cursor', encodeCursor({ at: '2026-03-01T09:00:00Z', id: ID })],
    ['not base64', 'abc$%^'],
    ['a string number', encodeCursorParts(['NUMBER', 'ASC', '3', ID])],
    ['a negative number', encodeCursorParts(['NUMBER', 'ASC', -1, ID])],
    ['a null number', encodeCursorParts(['NUMBER', 'ASC', null, ID])],
    ['a bad id', encodeCursorParts(['NUMBER', 'ASC', 3, 'nope'])],
    ['five parts', encodeCursorParts(['NUMBER', 'ASC', 3, ID, 1])],
  ])('refuses %s', (_what, cursor) => {
    expect(errorOf(() => decodeRecommendationCursor(cursor, number))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('refuses values of the wrong kind for the order', () => {
    const refuse = (order: RecommendationOrder, value: string | number | null) =>
      errorOf(() => decodeRecommendationCursor(encodeCursorParts([order.field, order.direction, value, ID]), order))
        .field;
    expect(refuse({ field: 'PRIORITY', direction: 'ASC' }, 5)).toBe('after');
    expect(refuse({ field: 'CREATED_AT', direction: 'ASC' }, null)).toBe('after');
    expect(refuse({ field: 'CREATED_AT', direction: 'ASC' }, 'yesterday')).toBe('after');
    expect(refuse({ field: 'DUE_AT', direction: 'ASC' }, 12)).toBe('after');
  });
});

describe('normalizeRecommendationFilter', () => {
  it('reads null and absent fields, empty lists and blank search as no constraint', () => {
    expect(normalizeRecommendationFilter(null)).toEqual({});
    expect(
      normalizeRecommendationFilter({ teamKey: null, stateKeys: [], labels: [], priorities: [], search: '   ' }),
    ).toEqual({});
  });

  it('keeps every field, deduplicated and trimmed', () => {
    const due = new Date('2026-03-01T00:00:00Z');
    expect(
      normalizeRecommendationFilter({
        teamKey: 'KOR',
        sourceId: ID.toUpperCase(),
        ownerId: ID,
        stakeholderId: ID,
        stateKeys: ['PROPOSED', 'PROPOSED', 'ACCEPTED'],
        stateCategories: ['STARTED', 'STARTED'],
        labels: [' trade ', 'trade', 'energy'],
        priorities: ['HIGH', 'URGENT'],
        dueBefore: due,
        dueAfter: due,
        overdue: false,
        search: '  energy trade ',
      }),
    ).toEqual({
      teamKey: 'KOR',
      sourceId: ID,
      ownerId: ID,
      stakeholderId: ID,
      stateKeys: ['PROPOSED', 'ACCEPTED'],
      stateCategories: ['STARTED'],
      labels: ['trade', 'energy'],
      priorities: ['HIGH', 'URGENT'],
      dueBefore: due,
      dueAfter: due,
      overdue: false,
      search: 'energy trade',
    });
  });

  it.each([
    [{ ownerId: 'me' }, 'filter.ownerId'],
    [{ sourceId: '42' }, 'filter.sourceId'],
    [{ stakeholderId: 'x' }, 'filter.stakeholderId'],
    [{ stateKeys: ['A'.repeat(51)] }, 'filter.stateKeys[0]'],
    [{ stateKeys: Array.from({ length: 101 }, (_, i) => `S${i}`) }, 'filter.stateKeys'],
    [{ stateCategories: ['DONE'] }, 'filter.stateCategories[0]'],
    [{ priorities: ['LOW', 'CRITICAL'] }, 'filter.priorities[1]'],
    [{ labels: [''] }, 'filter.labels[0]'],
    [{ dueBefore: new Date('nope') }, 'filter.dueBefore'],
    [{ search: 'x'.repeat(201) }, 'filter.search'],
  ])('refuses %o naming %s', (input, field) => {
    expect(errorOf(() => normalizeRecommendationFilter(input))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('completionRate', () => {
  it('is completed over what is not canceled, and 0 when nothing counts', () => {
    expect(completionRate({ total: 10, completed: 3, canceled: 4 })).toBe(0.5);
    expect(completionRate({ total: 2, completed: 0, canceled: 2 })).toBe(0);
    expect(completionRate({ total: 0, completed: 0, canceled: 0 })).toBe(0);
  });
});

import { DomainError } from '../errors';
import {
  actionItemActivityChanges,
  actionItemCompletedAt,
  type ActionItemFields,
  actionItemUpdateAction,
  assertActionItemStatus,
  assertActionItemTitle,
  computeProgress,
  isActionItemOverdue,
  isOpenActionItemStatus,
} from './action-item-rules';

const now = new Date('2026-03-01T12:00:00Z');
const past = new Date('2026-02-28T12:00:00Z');
const future = new Date('2026-03-02T12:00:00Z');

describe('action item rules', () => {
  it('counts TODO and IN_PROGRESS as open', () => {
    expect(isOpenActionItemStatus('TODO')).toBe(true);
    expect(isOpenActionItemStatus('IN_PROGRESS')).toBe(true);
    expect(isOpenActionItemStatus('DONE')).toBe(false);
    expect(isOpenActionItemStatus('CANCELED')).toBe(false);
  });

  it('is overdue only past its deadline while open', () => {
    expect(isActionItemOverdue(past, 'TODO', now)).toBe(true);
    expect(isActionItemOverdue(past, 'IN_PROGRESS', now)).toBe(true);
    expect(isActionItemOverdue(past, 'DONE', now)).toBe(false);
    expect(isActionItemOverdue(past, 'CANCELED', now)).toBe(false);
    expect(isActionItemOverdue(future, 'TODO', now)).toBe(false);
    expect(isActionItemOverdue(now, 'TODO', now)).toBe(false);
    expect(isActionItemOverdue(null, 'TODO', now)).toBe(false);
  });

  it('trims titles and refuses empty or long ones, naming the field', () => {
    expect(assertActionItemTitle('  Draft the MOU ', 'input.title')).toBe('Draft the MOU');
    expect(assertActionItemTitle('x'.repeat(300))).toHaveLength(300);
    for (const bad of ['   ', 'x'.repeat(301), null]) {
      expect(() => assertActionItemTitle(bad, 'input.title')).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.title' }),
      );
    }
  });

  it('refuses an unknown status', () => {
    expect(assertActionItemStatus('DONE')).toBe('DONE');
    expect(() => assertActionItemStatus('FINISHED', 'input.status')).toThrow(DomainError);
  });

  it('sets completedAt on entering DONE, keeps it while DONE and clears it on leaving', () => {
    const earlier = new Date('2026-01-01T00:00:00Z');
    expect(actionItemCompletedAt('TODO', 'DONE', null, now)).toEqual(now);
    expect(actionItemCompletedAt('DONE', 'DONE', earlier, now)).toEqual(earlier);
    expect(actionItemCompletedAt('DONE', 'IN_PROGRESS', earlier, now)).toBeNull();
    expect(actionItemCompletedAt('TODO', 'CANCELED', null, now)).toBeNull();
  });

  it('needs only SET_ACTION_ITEM_STATUS for a status change, MANAGE_ACTION_ITEMS for anything else', () => {
    expect(actionItemUpdateAction(['status'])).toBe('SET_ACTION_ITEM_STATUS');
    expect(actionItemUpdateAction([])).toBe('SET_ACTION_ITEM_STATUS');
    expect(actionItemUpdateAction(['title'])).toBe('MANAGE_ACTION_ITEMS');
    expect(actionItemUpdateAction(['status', 'assignee'])).toBe('MANAGE_ACTION_ITEMS');
    expect(actionItemUpdateAction(['dueAt'])).toBe('MANAGE_ACTION_ITEMS');
  });

  describe('activity changes', () => {
    const item: ActionItemFields = { title: 'Draft', status: 'TODO', assignee: 'u1', dueAt: future };

    it('lists what an added item has, after its id', () => {
      expect(actionItemActivityChanges('a1', null, { ...item, assignee: null })).toEqual([
        { field: 'actionItem', from: null, to: 'a1' },
        { field: 'title', from: null, to: 'Draft' },
        { field: 'status', from: null, to: 'TODO' },
        { field: 'dueAt', from: null, to: '2026-03-02T12:00:00.000Z' },
      ]);
    });

    it('lists only what an update changes, and nothing when nothing does', () => {
      expect(actionItemActivityChanges('a1', item, { ...item, status: 'DONE', assignee: null })).toEqual([
        { field: 'actionItem', from: 'a1', to: 'a1' },
        { field: 'status', from: 'TODO', to: 'DONE' },
        { field: 'assignee', from: 'u1', to: null },
      ]);
      expect(actionItemActivityChanges('a1', item, { ...item, dueAt: new Date(future) })).toEqual([]);
    });

    it('records a deletion as the item going to null', () => {
      expect(actionItemActivityChanges('a1', item, null)).toEqual([
        { field: 'actionItem', from: 'a1', to: null },
        { field: 'title', from: 'Draft', to: null },
        { field: 'status', from: 'TODO', to: null },
        { field: 'assignee', from: 'u1', to: null },
        { field: 'dueAt', from: '2026-03-02T12:00:00.000Z', to: null },
      ]);
    });
  });

  describe('progress', () => {
    it('is 0 of 0 at 0 percent when there is nothing to do', () => {
      expect(computeProgress(0, 0)).toEqual({ total: 0, done: 0, percent: 0 });
    });

    it('is the DONE share of the items that count, in percent with two decimals', () => {
      expect(computeProgress(4, 1)).toEqual({ total: 4, done: 1, percent: 25 });
      expect(computeProgress(3, 1)).toEqual({ total: 3, done: 1, percent: 33.33 });
      expect(computeProgress(3, 2)).toEqual({ total: 3, done: 2, percent: 66.67 });
      expect(computeProgress(2, 2)).toEqual({ total: 2, done: 2, percent: 100 });
    });
  });
});

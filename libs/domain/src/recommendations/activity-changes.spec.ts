import { activitiesFor, diffFields, type RecommendationFields } from './activity-changes';

const before: RecommendationFields = {
  title: 'Scale up energy trade',
  description: '',
  priority: 'NONE',
  labels: ['energy'],
  owner: null,
  dueAt: null,
  state: 'PROPOSED',
};

describe('diffFields', () => {
  it('ignores absent fields and unchanged values', () => {
    expect(diffFields(before, {})).toEqual([]);
    expect(diffFields(before, { title: before.title, labels: ['energy'], owner: null })).toEqual([]);
  });

  it('shows people as user ids, dates as ISO-8601, labels as text, none as null', () => {
    const due = new Date('2026-03-01T09:00:00Z');
    expect(
      diffFields(before, {
        owner: 'user-1',
        dueAt: due,
        labels: ['energy', 'trade'],
        priority: 'HIGH',
      }),
    ).toEqual([
      { field: 'priority', from: 'NONE', to: 'HIGH' },
      { field: 'labels', from: 'energy', to: 'energy, trade' },
      { field: 'owner', from: null, to: 'user-1' },
      { field: 'dueAt', from: null, to: '2026-03-01T09:00:00.000Z' },
    ]);
  });

  it('records clearing as a change to null', () => {
    const owned = { ...before, owner: 'user-1', dueAt: new Date('2026-03-01T09:00:00Z'), labels: ['a'] };
    expect(diffFields(owned, { owner: null, dueAt: null, labels: [] })).toEqual([
      { field: 'labels', from: 'a', to: null },
      { field: 'owner', from: 'user-1', to: null },
      { field: 'dueAt', from: '2026-03-01T09:00:00.000Z', to: null },
    ]);
  });

  it('compares dates by instant, not by object', () => {
    const dated = { ...before, dueAt: new Date('2026-03-01T09:00:00Z') };
    expect(diffFields(dated, { dueAt: new Date('2026-03-01T09:00:00.000Z') })).toEqual([]);
  });

  it('treats a reordering of labels as a change', () => {
    const two = { ...before, labels: ['a', 'b'] };
    expect(diffFields(two, { labels: ['b', 'a'] })).toEqual([{ field: 'labels', from: 'a, b', to: 'b, a' }]);
  });

  it('records state keys', () => {
    expect(diffFields(before, { state: 'ACCEPTED' })).toEqual([{ field: 'state', from: 'PROPOSED', to: 'ACCEPTED' }]);
  });
});

describe('activitiesFor', () => {
  it('gives owner, deadline and state their own kinds and groups the rest as UPDATED', () => {
    const changes = diffFields(before, {
      title: 'New title',
      owner: 'user-1',
      description: 'Why',
      dueAt: new Date('2026-03-01T09:00:00Z'),
    });
    expect(activitiesFor(changes)).toEqual([
      {
        kind: 'UPDATED',
        changes: [
          { field: 'title', from: 'Scale up energy trade', to: 'New title' },
          { field: 'description', from: '', to: 'Why' },
        ],
      },
      { kind: 'OWNER_CHANGED', changes: [{ field: 'owner', from: null, to: 'user-1' }] },
      { kind: 'DUE_DATE_CHANGED', changes: [{ field: 'dueAt', from: null, to: '2026-03-01T09:00:00.000Z' }] },
    ]);
  });

  it('is empty when nothing changed', () => {
    expect(activitiesFor([])).toEqual([]);
  });

  it('makes a state change STATE_CHANGED', () => {
    expect(activitiesFor([{ field: 'state', from: 'A', to: 'B' }])).toEqual([
      { kind: 'STATE_CHANGED', changes: [{ field: 'state', from: 'A', to: 'B' }] },
    ]);
  });
});

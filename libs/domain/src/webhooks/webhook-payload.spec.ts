import { buildWebhookBody, type WebhookPayloadInput } from './webhook-payload';

const input: WebhookPayloadInput = {
  deliveryId: '6f1c2d3e-0000-4000-8000-000000000001',
  event: 'STATE_CHANGED',
  createdAt: new Date('2026-03-01T09:00:00.123Z'),
  team: { key: 'KOR', name: 'Korea' },
  recommendation: {
    id: '6f1c2d3e-0000-4000-8000-000000000002',
    identifier: 'KOR-3',
    title: 'Scale up energy trade',
    state: { key: 'ACCEPTED', name: 'Accepted', category: 'UNSTARTED' },
    priority: 'HIGH',
    owner: { id: '6f1c2d3e-0000-4000-8000-000000000003', name: 'Ana', email: 'ana@example.com' },
    dueAt: new Date('2026-04-01T00:00:00.000Z'),
  },
  actor: { id: '6f1c2d3e-0000-4000-8000-000000000004', name: 'Ben' },
  changes: [{ field: 'state', from: 'PROPOSED', to: 'ACCEPTED' }],
};

describe('buildWebhookBody', () => {
  it("is the contract's JSON, keys in the contract's order", () => {
    expect(buildWebhookBody(input)).toBe(
      '{"id":"6f1c2d3e-0000-4000-8000-000000000001","event":"STATE_CHANGED","createdAt":"2026-03-01T09:00:00.123Z",' +
        '"team":{"key":"KOR","name":"Korea"},"recommendation":{"id":"6f1c2d3e-0000-4000-8000-000000000002",' +
        '"identifier":"KOR-3","title":"Scale up energy trade","state":{"key":"ACCEPTED","name":"Accepted",' +
        '"category":"UNSTARTED"},"priority":"HIGH","owner":{"id":"6f1c2d3e-0000-4000-8000-000000000003","name":"Ana",' +
        '"email":"ana@example.com"},"dueAt":"2026-04-01T00:00:00.000Z"},"actor":{"id":"6f1c2d3e-0000-4000-8000-000000000004",' +
        '"name":"Ben"},"changes":[{"field":"state","from":"PROPOSED","to":"ACCEPTED"}]}',
    );
  });

  it('writes null for no owner, no deadline and no actor, and leaves out anything extra', () => {
    const body = JSON.parse(
      buildWebhookBody({
        ...input,
        recommendation: {
          ...input.recommendation,
          owner: null,
          dueAt: null,
          ...({ description: 'not in the contract' } as object),
        },
        actor: null,
        changes: [],
      }),
    ) as { recommendation: Record<string, unknown>; actor: unknown; changes: unknown[] };
    expect(body.recommendation).toMatchObject({ owner: null, dueAt: null });
    expect(Object.keys(body.recommendation)).toEqual([
      'id',
      'identifier',
      'title',
      'state',
      'priority',
      'owner',
      'dueAt',
    ]);
    expect(body.actor).toBeNull();
    expect(body.changes).toEqual([]);
  });
});

import { ACTIVITY_KINDS } from '../recommendations/activity-changes';
import { WEBHOOK_EVENTS, webhookEventOf } from './webhook-events';

describe('webhookEventOf', () => {
  it.each([
    ['CREATED', 'RECOMMENDATION_CREATED'],
    ['UPDATED', 'RECOMMENDATION_UPDATED'],
    ['OWNER_CHANGED', 'RECOMMENDATION_UPDATED'],
    ['DUE_DATE_CHANGED', 'RECOMMENDATION_UPDATED'],
    ['STAKEHOLDER_ADDED', 'RECOMMENDATION_UPDATED'],
    ['STAKEHOLDER_REMOVED', 'RECOMMENDATION_UPDATED'],
    ['ACTION_ITEM_ADDED', 'RECOMMENDATION_UPDATED'],
    ['ACTION_ITEM_UPDATED', 'RECOMMENDATION_UPDATED'],
    ['STATE_CHANGED', 'STATE_CHANGED'],
    ['COMMENT_ADDED', 'COMMENT_ADDED'],
    ['REMINDER_SENT', 'REMINDER'],
    ['ESCALATED', 'REMINDER'],
  ] as const)('delivers %s as %s', (kind, event) => {
    expect(webhookEventOf(kind)).toBe(event);
  });

  it('names an event of the contract for every activity kind', () => {
    for (const kind of ACTIVITY_KINDS) expect(WEBHOOK_EVENTS).toContain(webhookEventOf(kind));
  });
});

import { DAY_MS, HOUR_MS } from '../time';
import { REMINDER_KINDS } from './reminder-policy';
import { REMINDER_NOTIFICATION_KIND, reminderActivityKind, reminderHeadline, reminderSubject } from './reminder-text';

describe('reminderHeadline', () => {
  it.each([
    ['UPCOMING', DAY_MS, 'Due in 1 day'],
    ['UPCOMING', 7 * DAY_MS, 'Due in 7 days'],
    ['UPCOMING', 2000, 'Due in 2 seconds'],
    ['DUE', 0, 'Due now'],
    ['OVERDUE', 2 * DAY_MS, 'Overdue by 2 days'],
    ['OVERDUE', 5 * HOUR_MS, 'Overdue by 5 hours'],
    ['ESCALATION', 3 * DAY_MS, 'Escalation (overdue by 3 days)'],
  ] as const)('%s %d ms reads %s', (kind, offsetMs, text) => {
    expect(reminderHeadline({ kind, offsetMs })).toBe(text);
  });
});

describe('reminderSubject', () => {
  it('is [<identifier>] <what>: <title>', () => {
    expect(reminderSubject('KOR-3', { kind: 'UPCOMING', offsetMs: DAY_MS }, 'Scale up energy trade')).toBe(
      '[KOR-3] Due in 1 day: Scale up energy trade',
    );
  });
});

describe('notification and activity kinds', () => {
  it('maps each reminder kind', () => {
    expect(REMINDER_KINDS.map((kind) => REMINDER_NOTIFICATION_KIND[kind])).toEqual([
      'REMINDER_UPCOMING',
      'REMINDER_DUE',
      'REMINDER_OVERDUE',
      'ESCALATION',
    ]);
    expect(REMINDER_KINDS.map(reminderActivityKind)).toEqual([
      'REMINDER_SENT',
      'REMINDER_SENT',
      'REMINDER_SENT',
      'ESCALATED',
    ]);
  });
});

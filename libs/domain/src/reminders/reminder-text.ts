import { humanizeDuration } from '../time';
import { type ReminderKind } from './reminder-policy';
import { type Occurrence } from './reminder-schedule';

/**
 * The `<what>` of a reminder's email subject and in-app title: `Due in 1 day`, `Due now`,
 * `Overdue by 2 days`, `Escalation (overdue by 3 days)`.
 */
export function reminderHeadline(occurrence: Pick<Occurrence, 'kind' | 'offsetMs'>): string {
  switch (occurrence.kind) {
    case 'UPCOMING':
      return `Due in ${humanizeDuration(occurrence.offsetMs)}`;
    case 'DUE':
      return 'Due now';
    case 'OVERDUE':
      return `Overdue by ${humanizeDuration(occurrence.offsetMs)}`;
    case 'ESCALATION':
      return `Escalation (overdue by ${humanizeDuration(occurrence.offsetMs)})`;
  }
}

/** `[KOR-3] Due in 1 day: Scale up energy trade`. */
export function reminderSubject(
  identifier: string,
  occurrence: Pick<Occurrence, 'kind' | 'offsetMs'>,
  title: string,
): string {
  return `[${identifier}] ${reminderHeadline(occurrence)}: ${title}`;
}

/** The notification kind each reminder kind is delivered as. */
export const REMINDER_NOTIFICATION_KIND: Record<
  ReminderKind,
  'REMINDER_UPCOMING' | 'REMINDER_DUE' | 'REMINDER_OVERDUE' | 'ESCALATION'
> = {
  UPCOMING: 'REMINDER_UPCOMING',
  DUE: 'REMINDER_DUE',
  OVERDUE: 'REMINDER_OVERDUE',
  ESCALATION: 'ESCALATION',
};

/** The activity recorded for a sent reminder: `ESCALATED` for escalations, `REMINDER_SENT` otherwise. */
export function reminderActivityKind(kind: ReminderKind): 'REMINDER_SENT' | 'ESCALATED' {
  return kind === 'ESCALATION' ? 'ESCALATED' : 'REMINDER_SENT';
}

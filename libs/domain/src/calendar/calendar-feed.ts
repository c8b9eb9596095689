import { formatIdentifier } from '../recommendations/identifier';
import { escapeText, formatUtcDateTime, serializeLines } from './icalendar-format';

/** Calendar clients poll a subscribed feed; this asks them to come back hourly. */
export const CALENDAR_REFRESH_INTERVAL = 'PT1H';

interface DeadlineBase {
  id: string;
  teamKey: string;
  /** The recommendation's number within its team: `KOR-3` is 3. */
  number: number;
  dueAt: Date;
  /** The recommendation's state, by the name its team gives it. */
  stateName: string;
}

export interface RecommendationDeadline extends DeadlineBase {
  kind: 'recommendation';
  title: string;
}

export interface ActionItemDeadline extends DeadlineBase {
  kind: 'action-item';
  /** The action item's own title. */
  title: string;
  /** TODO or IN_PROGRESS: closed items are not in a feed. */
  status: string;
  recommendationTitle: string;
}

export type CalendarDeadline = RecommendationDeadline | ActionItemDeadline;

export interface CalendarFeedOptions {
  /** The web app's base URL, without a trailing slash: links go to `${publicUrl}/recommendations/KOR-3`. */
  publicUrl: string;
  /** When the feed is written: every event's DTSTAMP. */
  now: Date;
}

/** `recommendation-<id>@docket`: stable across refreshes, so clients update an event instead of duplicating it. */
export function calendarEventUid(deadline: Pick<CalendarDeadline, 'kind' | 'id'>): string {
  return `${deadline.kind}-${deadline.id}@docket`;
}

const STATUS_NAMES: Record<string, string> = {
  TODO: 'To do',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  CANCELED: 'Canceled',
};

function eventLines(deadline: CalendarDeadline, options: CalendarFeedOptions): string[] {
  const identifier = formatIdentifier(deadline.teamKey, deadline.number);
  const url = `${options.publicUrl}/recommendations/${identifier}`;
  const description =
    deadline.kind === 'recommendation'
      ? [`${identifier}: ${deadline.title}`, `State: ${deadline.stateName}`, url]
      : [
          `Action item: ${deadline.title}`,
          `Status: ${STATUS_NAMES[deadline.status] ?? deadline.status}`,
          `Recommendation ${identifier}: ${deadline.recommendationTitle}`,
          `State: ${deadline.stateName}`,
          url,
        ];
  return [
    'BEGIN:VEVENT',
    `UID:${calendarEventUid(deadline)}`,
    `DTSTAMP:${formatUtcDateTime(options.now)}`,
    // A deadline is an instant, not a slot: a timed event in UTC with no DTEND, which RFC 5545 3.6.1 reads as
    // ending when it starts. Clients then show it at the deadline in the reader's own time zone.
    `DTSTART:${formatUtcDateTime(deadline.dueAt)}`,
    `SUMMARY:${escapeText(`[${identifier}] ${deadline.title} (due)`)}`,
    `DESCRIPTION:${escapeText(description.join('\n'))}`,
    `URL:${url}`,
    // Free: a deadline does not make its owner busy.
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** An RFC 5545 VCALENDAR of deadlines, one VEVENT each, in the order given. */
export function buildCalendarFeed(deadlines: readonly CalendarDeadline[], options: CalendarFeedOptions): string {
  return serializeLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Docket//Deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Docket',
    `REFRESH-INTERVAL;VALUE=DURATION:${CALENDAR_REFRESH_INTERVAL}`,
    // Older clients (Outlook) read this one instead of REFRESH-INTERVAL.
    `X-PUBLISHED-TTL:${CALENDAR_REFRESH_INTERVAL}`,
    ...deadlines.flatMap((deadline) => eventLines(deadline, options)),
    'END:VCALENDAR',
  ]);
}

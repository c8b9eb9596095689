import { buildCalendarFeed, type CalendarDeadline, calendarEventUid } from './calendar-feed';

const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
const lines = (text: string) => unfold(text).split('\r\n').filter(Boolean);

const now = new Date('2026-11-20T08:30:15.123Z');
const options = { publicUrl: 'https://docket.example.com', now };

const recommendation: CalendarDeadline = {
  kind: 'recommendation',
  id: '7f1c2a4e-0000-4000-8000-000000000003',
  teamKey: 'KOR',
  number: 3,
  title: 'Scale up energy trade; LNG, nuclear',
  dueAt: new Date('2026-12-01T09:00:00.000Z'),
  stateName: 'In progress',
};

const actionItem: CalendarDeadline = {
  kind: 'action-item',
  id: '7f1c2a4e-0000-4000-8000-00000000000a',
  teamKey: 'KOR',
  number: 3,
  title: 'Draft the LNG term sheet',
  status: 'IN_PROGRESS',
  recommendationTitle: 'Scale up energy trade; LNG, nuclear',
  dueAt: new Date('2026-11-25T00:00:00.000Z'),
  stateName: 'In progress',
};

function events(text: string): string[][] {
  const all = lines(text);
  const result: string[][] = [];
  let current: string[] | null = null;
  for (const line of all) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT') {
      result.push(current!);
      current = null;
    } else current?.push(line);
  }
  return result;
}

describe('buildCalendarFeed', () => {
  it('writes a VCALENDAR with the feed headers and no events when there are no deadlines', () => {
    const text = buildCalendarFeed([], options);
    expect(lines(text)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Docket//Deadlines//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Docket',
      'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
      'X-PUBLISHED-TTL:PT1H',
      'END:VCALENDAR',
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes a recommendation deadline as a timed UTC event with an escaped summary and a link', () => {
    const [event] = events(buildCalendarFeed([recommendation], options));
    expect(event).toEqual([
      'UID:recommendation-7f1c2a4e-0000-4000-8000-000000000003@docket',
      'DTSTAMP:20261120T083015Z',
      'DTSTART:20261201T090000Z',
      'SUMMARY:[KOR-3] Scale up energy trade\\; LNG\\, nuclear (due)',
      'DESCRIPTION:KOR-3: Scale up energy trade\\; LNG\\, nuclear\\nState: In progress\\nhttps://docket.example.com/recommendations/KOR-3',
      'URL:https://docket.example.com/recommendations/KOR-3',
      'TRANSP:TRANSPARENT',
    ]);
  });

  it("writes an action item under its recommendation's identifier, with its status and the recommendation", () => {
    const [event] = events(buildCalendarFeed([actionItem], options));
    expect(event).toContain('UID:action-item-7f1c2a4e-0000-4000-8000-00000000000a@docket');
    expect(event).toContain('DTSTART:20261125T000000Z');
    expect(event).toContain('SUMMARY:[KOR-3] Draft the LNG term sheet (due)');
    expect(event).toContain(
      'DESCRIPTION:Action item: Draft the LNG term sheet\\nStatus: In progress\\nRecommendation KOR-3: Scale up energy trade\\; LNG\\, nuclear\\nState: In progress\\nhttps://docket.example.com/recommendations/KOR-3',
    );
  });

  it('keeps UIDs stable across refreshes and distinct between kinds', () => {
    const first = buildCalendarFeed([recommendation, actionItem], options);
    const later = buildCalendarFeed([recommendation, actionItem], {
      ...options,
      now: new Date('2026-11-21T00:00:00Z'),
    });
    const uids = (text: string) => lines(text).filter((line) => line.startsWith('UID:'));
    expect(uids(later)).toEqual(uids(first));
    expect(new Set(uids(first)).size).toBe(2);
    expect(calendarEventUid({ kind: 'action-item', id: 'x' })).toBe('action-item-x@docket');
  });

  it('folds long lines at 75 octets and uses CRLF only', () => {
    const long = { ...recommendation, title: 'Ein sehr langer Titel über Energiehandel, '.repeat(6).trim() };
    const text = buildCalendarFeed([long], options);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(lines(text).find((line) => line.startsWith('SUMMARY:'))).toBe(
      `SUMMARY:[KOR-3] ${long.title.replace(/,/g, '\\,')} (due)`,
    );
  });

  it('keeps a newline in a title inside one escaped value', () => {
    const text = buildCalendarFeed([{ ...recommendation, title: 'Line one\nBEGIN:VEVENT' }], options);
    expect(events(text)).toHaveLength(1);
    expect(lines(text)).toContain('SUMMARY:[KOR-3] Line one\\nBEGIN:VEVENT (due)');
  });
});

import { DAY_MS, HOUR_MS } from '../time';
import { type StateCategory } from '../workflow';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from './reminder-policy';
import {
  catchUpOnDeadlineSet,
  isOccurrenceCurrent,
  nextOccurrences,
  type Occurrence,
  occurrenceKey,
  occurrencesBetween,
  type ReminderScheduleInput,
} from './reminder-schedule';

const DUE = new Date('2026-03-10T09:00:00.000Z');
const at = (offsetMs: number, base: Date = DUE): Date => new Date(base.getTime() + offsetMs);
const FAR_PAST = new Date('2000-01-01T00:00:00Z');
const FAR_FUTURE = new Date('2100-01-01T00:00:00Z');

const input = (overrides: Partial<ReminderScheduleInput> = {}): ReminderScheduleInput => ({
  dueAt: DUE,
  category: 'STARTED',
  snoozedUntil: null,
  policy: DEFAULT_REMINDER_POLICY,
  escalate: true,
  ...overrides,
});

const policy = (overrides: Partial<ReminderPolicy>): ReminderPolicy => ({ ...DEFAULT_REMINDER_POLICY, ...overrides });

/** Compact form for assertions: `KIND@±offset-from-DUE-in-hours`. */
const show = (occurrences: Occurrence[], base: Date = DUE): string[] =>
  occurrences.map((o) => `${o.kind}@${(o.fireAt.getTime() - base.getTime()) / HOUR_MS}h/${o.offsetMs / HOUR_MS}h`);

describe('occurrencesBetween', () => {
  it('follows the default policy: UPCOMING P7D and P1D, DUE, daily OVERDUE, ESCALATION after P3D', () => {
    const result = occurrencesBetween(input(), FAR_PAST, at(4 * DAY_MS));
    expect(show(result)).toEqual([
      'UPCOMING@-168h/168h',
      'UPCOMING@-24h/24h',
      'DUE@0h/0h',
      'OVERDUE@24h/24h',
      'OVERDUE@48h/48h',
      'OVERDUE@72h/72h',
      'ESCALATION@72h/72h',
      'OVERDUE@96h/96h',
    ]);
  });

  it('has no reminders without a deadline', () => {
    expect(occurrencesBetween(input({ dueAt: null }), FAR_PAST, FAR_FUTURE, 100)).toEqual([]);
  });

  it.each<[StateCategory, number]>([
    ['COMPLETED', 0],
    ['CANCELED', 0],
    ['BACKLOG', 8],
    ['UNSTARTED', 8],
    ['STARTED', 8],
  ])('in a %s state yields %d occurrences', (category, count) => {
    expect(occurrencesBetween(input({ category }), FAR_PAST, at(4 * DAY_MS))).toHaveLength(count);
  });

  it('includes both ends of the window', () => {
    expect(show(occurrencesBetween(input(), at(-DAY_MS), at(DAY_MS)))).toEqual([
      'UPCOMING@-24h/24h',
      'DUE@0h/0h',
      'OVERDUE@24h/24h',
    ]);
    expect(occurrencesBetween(input(), at(-DAY_MS + 1), at(DAY_MS - 1)).map((o) => o.kind)).toEqual(['DUE']);
  });

  it('is empty for an empty or inverted window and a limit of 0', () => {
    expect(occurrencesBetween(input(), at(1), at(2))).toEqual([]);
    expect(occurrencesBetween(input(), at(DAY_MS), at(-DAY_MS))).toEqual([]);
    expect(occurrencesBetween(input(), FAR_PAST, FAR_FUTURE, 0)).toEqual([]);
  });

  it('stops at the limit, keeping the earliest', () => {
    const result = occurrencesBetween(input(), FAR_PAST, FAR_FUTURE, 5);
    expect(show(result)).toEqual([
      'UPCOMING@-168h/168h',
      'UPCOMING@-24h/24h',
      'DUE@0h/0h',
      'OVERDUE@24h/24h',
      'OVERDUE@48h/48h',
    ]);
  });

  it('repeats OVERDUE for ever, bounded by the window', () => {
    const result = occurrencesBetween(input(), at(1000 * DAY_MS), at(1003 * DAY_MS));
    expect(show(result)).toEqual([
      'OVERDUE@24000h/24000h',
      'OVERDUE@24024h/24024h',
      'OVERDUE@24048h/24048h',
      'OVERDUE@24072h/24072h',
    ]);
  });

  it('handles second-long durations (PT2S)', () => {
    const p = policy({ remindBefore: [2000], overdueEvery: 2000, escalateAfter: 2000 });
    const result = occurrencesBetween(input({ policy: p }), FAR_PAST, at(6000));
    expect(result.map((o) => [o.kind, o.fireAt.getTime() - DUE.getTime(), o.offsetMs])).toEqual([
      ['UPCOMING', -2000, 2000],
      ['DUE', 0, 0],
      ['OVERDUE', 2000, 2000],
      ['ESCALATION', 2000, 2000],
      ['OVERDUE', 4000, 4000],
      ['OVERDUE', 6000, 6000],
    ]);
  });

  it('reads a zero remindBefore as the DUE reminder, once', () => {
    const onlyZero = policy({ remindBefore: [0], remindOnDue: false, overdueEvery: null, escalateAfter: null });
    expect(show(occurrencesBetween(input({ policy: onlyZero }), FAR_PAST, FAR_FUTURE))).toEqual(['DUE@0h/0h']);
    const both = policy({ remindBefore: [0, 0, HOUR_MS], remindOnDue: true, overdueEvery: null, escalateAfter: null });
    expect(show(occurrencesBetween(input({ policy: both }), FAR_PAST, FAR_FUTURE))).toEqual([
      'UPCOMING@-1h/1h',
      'DUE@0h/0h',
    ]);
  });

  it('dedupes repeated remindBefore values', () => {
    const p = policy({ remindBefore: [DAY_MS, DAY_MS], overdueEvery: null, escalateAfter: null });
    expect(show(occurrencesBetween(input({ policy: p }), FAR_PAST, FAR_FUTURE))).toEqual([
      'UPCOMING@-24h/24h',
      'DUE@0h/0h',
    ]);
  });

  it('sends no OVERDUE for a zero overdueEvery, and terminates', () => {
    const p = policy({ overdueEvery: 0, escalateAfter: null });
    expect(occurrencesBetween(input({ policy: p }), FAR_PAST, FAR_FUTURE, 10_000).map((o) => o.kind)).toEqual([
      'UPCOMING',
      'UPCOMING',
      'DUE',
    ]);
  });

  it('escalates at the deadline for a zero escalateAfter, after DUE', () => {
    const p = policy({ remindBefore: [], overdueEvery: null, escalateAfter: 0 });
    expect(show(occurrencesBetween(input({ policy: p }), FAR_PAST, FAR_FUTURE))).toEqual([
      'DUE@0h/0h',
      'ESCALATION@0h/0h',
    ]);
  });

  it('sends no OVERDUE where overdueEvery is null and no ESCALATION where escalateAfter is null', () => {
    const p = policy({ overdueEvery: null, escalateAfter: null });
    expect(occurrencesBetween(input({ policy: p }), FAR_PAST, FAR_FUTURE).map((o) => o.kind)).toEqual([
      'UPCOMING',
      'UPCOMING',
      'DUE',
    ]);
  });

  it('sends no DUE when remindOnDue is false', () => {
    const p = policy({ remindOnDue: false });
    expect(occurrencesBetween(input({ policy: p }), at(-1), at(1))).toEqual([]);
  });

  it('never escalates an action item (escalate: false)', () => {
    const result = occurrencesBetween(input({ escalate: false }), FAR_PAST, at(10 * DAY_MS));
    expect(result.map((o) => o.kind)).not.toContain('ESCALATION');
    expect(result.filter((o) => o.kind === 'OVERDUE')).toHaveLength(10);
  });

  it('changes with the policy', () => {
    const window = [at(-10 * DAY_MS), at(10 * DAY_MS)] as const;
    const before = occurrencesBetween(input(), ...window);
    const weekly = policy({
      remindBefore: [2 * DAY_MS],
      remindOnDue: false,
      overdueEvery: 7 * DAY_MS,
      escalateAfter: DAY_MS,
    });
    const after = occurrencesBetween(input({ policy: weekly }), ...window);
    expect(show(after)).toEqual(['UPCOMING@-48h/48h', 'ESCALATION@24h/24h', 'OVERDUE@168h/168h']);
    expect(show(after)).not.toEqual(show(before));
  });

  it('follows a deadline moved back and forth, keeping nothing of the old one', () => {
    const later = at(5 * DAY_MS);
    const first = occurrencesBetween(input(), FAR_PAST, at(30 * DAY_MS));
    const moved = occurrencesBetween(input({ dueAt: later }), FAR_PAST, at(30 * DAY_MS));
    const back = occurrencesBetween(input({ dueAt: new Date(DUE.getTime()) }), FAR_PAST, at(30 * DAY_MS));
    expect(moved.find((o) => o.kind === 'DUE')?.fireAt).toEqual(later);
    expect(moved.some((o) => o.fireAt.getTime() === DUE.getTime())).toBe(false);
    expect(show(moved, later)).toEqual(show(first, DUE).slice(0, moved.length));
    expect(back).toEqual(first);
  });

  it('orders same-instant occurrences UPCOMING, DUE, OVERDUE, ESCALATION', () => {
    // OVERDUE and ESCALATION both at +1h; DUE and ESCALATION cannot otherwise meet, so check each pair.
    const p = policy({ remindBefore: [HOUR_MS], overdueEvery: HOUR_MS, escalateAfter: HOUR_MS });
    expect(occurrencesBetween(input({ policy: p }), at(HOUR_MS), at(HOUR_MS)).map((o) => o.kind)).toEqual([
      'OVERDUE',
      'ESCALATION',
    ]);
    const times = occurrencesBetween(input({ policy: p }), FAR_PAST, at(5 * HOUR_MS)).map((o) => o.fireAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  describe('snooze', () => {
    it('drops everything before the snooze ends and sends one OVERDUE then, if overdue', () => {
      const snoozedUntil = at(2.5 * DAY_MS);
      const result = occurrencesBetween(input({ snoozedUntil }), FAR_PAST, at(4 * DAY_MS));
      expect(show(result)).toEqual(['OVERDUE@60h/60h', 'OVERDUE@72h/72h', 'ESCALATION@72h/72h', 'OVERDUE@96h/96h']);
    });

    it('sends a single OVERDUE when the snooze ends on a regular OVERDUE', () => {
      const result = occurrencesBetween(input({ snoozedUntil: at(2 * DAY_MS) }), FAR_PAST, at(3 * DAY_MS));
      expect(show(result)).toEqual(['OVERDUE@48h/48h', 'OVERDUE@72h/72h', 'ESCALATION@72h/72h']);
    });

    it('drops an escalation that fell due while snoozed', () => {
      const result = occurrencesBetween(input({ snoozedUntil: at(5 * DAY_MS) }), FAR_PAST, at(6 * DAY_MS));
      expect(show(result)).toEqual(['OVERDUE@120h/120h', 'OVERDUE@144h/144h']);
    });

    it('sends the snooze-end OVERDUE even where the policy has no repeats', () => {
      const p = policy({ overdueEvery: null, escalateAfter: null });
      const result = occurrencesBetween(input({ policy: p, snoozedUntil: at(HOUR_MS) }), FAR_PAST, FAR_FUTURE);
      expect(show(result)).toEqual(['OVERDUE@1h/1h']);
    });

    it('adds nothing when the snooze ends before the deadline', () => {
      const result = occurrencesBetween(input({ snoozedUntil: at(-3 * DAY_MS) }), FAR_PAST, at(DAY_MS));
      expect(show(result)).toEqual(['UPCOMING@-24h/24h', 'DUE@0h/0h', 'OVERDUE@24h/24h']);
    });

    it('keeps DUE when the snooze ends exactly at the deadline, with no extra OVERDUE', () => {
      const result = occurrencesBetween(input({ snoozedUntil: DUE }), FAR_PAST, at(DAY_MS));
      expect(show(result)).toEqual(['DUE@0h/0h', 'OVERDUE@24h/24h']);
    });

    it('leaves out a snooze-end OVERDUE that lies before the window', () => {
      const result = occurrencesBetween(input({ snoozedUntil: at(HOUR_MS) }), at(2 * HOUR_MS), at(DAY_MS));
      expect(show(result)).toEqual(['OVERDUE@24h/24h']);
    });

    it('sends nothing from a closed recommendation, snoozed or not', () => {
      expect(
        occurrencesBetween(input({ category: 'COMPLETED', snoozedUntil: at(HOUR_MS) }), FAR_PAST, FAR_FUTURE),
      ).toEqual([]);
    });
  });
});

describe('nextOccurrences', () => {
  it('lists (now, now + 30 days]: not now itself, but the horizon', () => {
    // The P29D reminder falls exactly at now, the first OVERDUE exactly on the horizon.
    const now = at(-29 * DAY_MS);
    const p = policy({ remindBefore: [DAY_MS, 29 * DAY_MS] });
    const result = nextOccurrences(input({ policy: p }), now);
    expect(show(result)).toEqual(['UPCOMING@-24h/24h', 'DUE@0h/0h', 'OVERDUE@24h/24h']);
    expect(result[2].fireAt).toEqual(at(30 * DAY_MS, now));
    // At the instant of an occurrence, it is no longer upcoming.
    expect(nextOccurrences(input(), DUE).map((o) => o.fireAt.getTime())).not.toContain(DUE.getTime());
  });

  it('caps at 100, in time order', () => {
    const p = policy({ overdueEvery: 2000 });
    const result = nextOccurrences(input({ policy: p }), at(-2 * DAY_MS));
    expect(result).toHaveLength(100);
    expect(show(result).slice(0, 3)).toEqual([
      'UPCOMING@-24h/24h',
      'DUE@0h/0h',
      `OVERDUE@${2000 / HOUR_MS}h/${2000 / HOUR_MS}h`,
    ]);
    const times = result.map((o) => o.fireAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(result[99].fireAt).toEqual(at(98 * 2000));
  });

  it('jumps far into a long overdue schedule without walking it', () => {
    const now = at(3650 * DAY_MS + 1);
    const p = policy({ overdueEvery: 1000 });
    const result = nextOccurrences(input({ policy: p }), now, { horizonMs: 3000 });
    expect(result.map((o) => o.fireAt.getTime() - now.getTime())).toEqual([999, 1999, 2999]);
  });

  it('accepts another horizon and limit', () => {
    expect(nextOccurrences(input(), at(-8 * DAY_MS), { horizonMs: 2 * DAY_MS })).toHaveLength(1);
    expect(nextOccurrences(input(), at(-8 * DAY_MS), { limit: 2 })).toHaveLength(2);
  });
});

describe('catchUpOnDeadlineSet', () => {
  const now = new Date('2026-03-20T12:00:00.000Z');

  it('sends one OVERDUE at once for a new deadline already past', () => {
    expect(catchUpOnDeadlineSet({ previousDueAt: null, dueAt: DUE, now })).toEqual({
      kind: 'OVERDUE',
      fireAt: now,
      offsetMs: now.getTime() - DUE.getTime(),
    });
  });

  it('does so for a deadline moved from one past date to another', () => {
    expect(catchUpOnDeadlineSet({ previousDueAt: at(-DAY_MS), dueAt: DUE, now })?.kind).toBe('OVERDUE');
  });

  it.each<[string, Parameters<typeof catchUpOnDeadlineSet>[0]]>([
    ['an unchanged deadline', { previousDueAt: new Date(DUE.getTime()), dueAt: DUE, now }],
    ['a cleared deadline', { previousDueAt: DUE, dueAt: null, now }],
    ['a future deadline', { previousDueAt: null, dueAt: at(HOUR_MS, now), now }],
    ['a deadline exactly now (DUE covers it)', { previousDueAt: null, dueAt: now, now }],
    ['a closed recommendation', { previousDueAt: null, dueAt: DUE, now, category: 'CANCELED' }],
    ['a recommendation snoozed beyond now', { previousDueAt: null, dueAt: DUE, now, snoozedUntil: at(HOUR_MS, now) }],
  ])('sends nothing for %s', (_what, args) => {
    expect(catchUpOnDeadlineSet(args)).toBeNull();
  });

  it('sends it for an open recommendation whose snooze has ended', () => {
    const args = {
      previousDueAt: null,
      dueAt: DUE,
      now,
      category: 'STARTED' as const,
      snoozedUntil: at(-HOUR_MS, now),
    };
    expect(catchUpOnDeadlineSet(args)?.fireAt).toEqual(now);
  });
});

describe('occurrenceKey', () => {
  const occurrence: Occurrence = { kind: 'OVERDUE', fireAt: DUE, offsetMs: DAY_MS };

  it('is reminder-<id>-<epochMs>-<KIND>', () => {
    expect(occurrenceKey('3f2b', occurrence)).toBe(`reminder-3f2b-${DUE.getTime()}-OVERDUE`);
  });

  it('is deterministic and tells kinds, instants and subjects apart', () => {
    expect(occurrenceKey('a', { ...occurrence, fireAt: new Date(DUE.getTime()) })).toBe(occurrenceKey('a', occurrence));
    const keys = new Set([
      occurrenceKey('a', occurrence),
      occurrenceKey('a', { ...occurrence, kind: 'ESCALATION' }),
      occurrenceKey('a', { ...occurrence, fireAt: at(1) }),
      occurrenceKey('b', occurrence),
    ]);
    expect(keys.size).toBe(4);
  });

  it('never contains a colon', () => {
    expect(occurrenceKey('team:KOR:3', occurrence)).not.toContain(':');
  });
});

describe('isOccurrenceCurrent', () => {
  const [due] = occurrencesBetween(input(), DUE, DUE);

  it('holds for an occurrence of the current schedule', () => {
    expect(due.kind).toBe('DUE');
    expect(isOccurrenceCurrent(input(), due)).toBe(true);
  });

  it('fails once the deadline moved, the policy changed, the recommendation closed or is snoozed past it', () => {
    expect(isOccurrenceCurrent(input({ dueAt: at(HOUR_MS) }), due)).toBe(false);
    expect(isOccurrenceCurrent(input({ policy: policy({ remindOnDue: false }) }), due)).toBe(false);
    expect(isOccurrenceCurrent(input({ category: 'COMPLETED' }), due)).toBe(false);
    expect(isOccurrenceCurrent(input({ snoozedUntil: at(1) }), due)).toBe(false);
  });

  it('holds for a catch-up OVERDUE of the current deadline only', () => {
    const now = at(5 * HOUR_MS);
    const catchUp = catchUpOnDeadlineSet({ previousDueAt: null, dueAt: DUE, now });
    expect(catchUp).not.toBeNull();
    expect(isOccurrenceCurrent(input(), catchUp as Occurrence)).toBe(true);
    expect(isOccurrenceCurrent(input({ dueAt: at(HOUR_MS) }), catchUp as Occurrence)).toBe(false);
    expect(isOccurrenceCurrent(input({ category: 'CANCELED' }), catchUp as Occurrence)).toBe(false);
  });
});

import { DAY_MS } from '../time';
import { isClosedCategory, type StateCategory } from '../workflow';
import { type ReminderKind, type ReminderPolicy } from './reminder-policy';

export interface Occurrence {
  kind: ReminderKind;
  fireAt: Date;
  /**
   * Distance from the deadline: how long before it for UPCOMING, how long after it for OVERDUE and
   * ESCALATION, 0 for DUE. Always `|fireAt - dueAt|`, which ties an occurrence to its deadline.
   */
  offsetMs: number;
}

/** What the schedule of one deadline (a recommendation's or an action item's) depends on. */
export interface ReminderScheduleInput {
  dueAt: Date | null;
  /** The recommendation's state category (for an action item: its recommendation's, or its own status mapped). */
  category: StateCategory;
  snoozedUntil: Date | null;
  policy: ReminderPolicy;
  /** False for action items: they remind their assignee but never escalate. */
  escalate: boolean;
}

/** Same-instant occurrences go out in this order. */
const KIND_ORDER: Record<ReminderKind, number> = { UPCOMING: 0, DUE: 1, OVERDUE: 2, ESCALATION: 3 };

/** `upcomingReminders`: the next 30 days, at most 100. */
export const UPCOMING_HORIZON_MS = 30 * DAY_MS;
export const UPCOMING_LIMIT = 100;
/** A hard bound on any one computation, whatever `limit` a caller passes. */
const MAX_OCCURRENCES = 10_000;

const time = (date: Date | null | undefined): number | null => {
  const ms = date?.getTime();
  return ms === undefined || Number.isNaN(ms) ? null : ms;
};

const validDuration = (ms: number | null | undefined): ms is number =>
  typeof ms === 'number' && Number.isFinite(ms) && ms >= 0;

function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return a.fireAt.getTime() - b.fireAt.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/**
 * Every occurrence of the deadline's reminders with `fireAt` in [from, to], in time order (at the same
 * instant UPCOMING, DUE, OVERDUE, ESCALATION), at most `limit`.
 *
 * - No deadline, or a COMPLETED/CANCELED category: none.
 * - UPCOMING at each `remindBefore` ahead of the deadline; a `remindBefore` of 0 is the deadline itself,
 *   so it yields the DUE occurrence (once, even with `remindOnDue` as well).
 * - DUE at the deadline when `remindOnDue`.
 * - OVERDUE at dueAt + k × overdueEvery, k ≥ 1, for ever (bounded by `to` and `limit`); none when null or 0.
 * - ESCALATION once at dueAt + escalateAfter when `escalate` (none when null).
 * - Snooze: nothing before `snoozedUntil`. When the snooze ends after the deadline, one OVERDUE goes
 *   out at `snoozedUntil` (unless a regular OVERDUE falls exactly then), whatever `overdueEvery`, as the
 *   contract puts it unconditionally; the regular schedule then goes on.
 */
export function occurrencesBetween(
  input: ReminderScheduleInput,
  from: Date,
  to: Date,
  limit: number = UPCOMING_LIMIT,
): Occurrence[] {
  const due = time(input.dueAt);
  const lo = time(from);
  const hi = time(to);
  const max = Math.min(Math.floor(limit), MAX_OCCURRENCES);
  if (due === null || lo === null || hi === null || !(max > 0) || lo > hi || isClosedCategory(input.category)) {
    return [];
  }
  const snooze = time(input.snoozedUntil);
  // Nothing goes out while snoozed: the window starts when the snooze ends.
  const start = snooze === null ? lo : Math.max(lo, snooze);
  const { policy } = input;

  const found: Occurrence[] = [];
  const add = (kind: ReminderKind, at: number, offsetMs: number): void => {
    if (at >= start && at <= hi) found.push({ kind, fireAt: new Date(at), offsetMs });
  };

  let onDue = policy.remindOnDue;
  for (const before of new Set(policy.remindBefore)) {
    if (!validDuration(before)) continue;
    if (before === 0) onDue = true;
    else add('UPCOMING', due - before, before);
  }
  if (onDue) add('DUE', due, 0);

  if (input.escalate && validDuration(policy.escalateAfter)) {
    add('ESCALATION', due + policy.escalateAfter, policy.escalateAfter);
  }

  const every = policy.overdueEvery;
  const repeats = validDuration(every) && every > 0;
  if (repeats) {
    // Jump straight to the first repeat inside the window instead of walking from the deadline.
    let k = Math.max(1, Math.ceil((start - due) / every));
    for (let n = 0; n < max; n += 1, k += 1) {
      const at = due + k * every;
      if (at > hi) break;
      add('OVERDUE', at, k * every);
    }
  }

  if (snooze !== null && snooze > due) {
    const regularThen = repeats && (snooze - due) % every === 0;
    if (!regularThen) add('OVERDUE', snooze, snooze - due);
  }

  found.sort(compareOccurrences);
  return found.slice(0, max);
}

/**
 * The occurrences still to come: in (now, now + 30 days], at most 100 (the API's `upcomingReminders`).
 * `now` itself is excluded: an occurrence at `now` is being sent, not upcoming.
 */
export function nextOccurrences(
  input: ReminderScheduleInput,
  now: Date,
  options: { horizonMs?: number; limit?: number } = {},
): Occurrence[] {
  const from = now.getTime() + 1;
  const to = now.getTime() + (options.horizonMs ?? UPCOMING_HORIZON_MS);
  return occurrencesBetween(input, new Date(from), new Date(to), options.limit ?? UPCOMING_LIMIT);
}

/**
 * When a deadline is set or moved, the occurrences already past are not sent; but a deadline set or moved
 * into the past gets one OVERDUE at once. Returns that OVERDUE (fireAt = now), or null when the deadline
 * did not change, is cleared, is not past (a deadline exactly `now` is DUE, part of the schedule), the
 * recommendation is closed, or it is snoozed beyond `now` (the snooze's end brings the OVERDUE instead).
 */
export function catchUpOnDeadlineSet(args: {
  previousDueAt: Date | null;
  dueAt: Date | null;
  now: Date;
  category?: StateCategory;
  snoozedUntil?: Date | null;
}): Occurrence | null {
  const due = time(args.dueAt);
  const now = time(args.now);
  if (due === null || now === null || due >= now) return null;
  if (time(args.previousDueAt) === due) return null;
  if (args.category !== undefined && isClosedCategory(args.category)) return null;
  const snooze = time(args.snoozedUntil);
  if (snooze !== null && snooze > now) return null;
  return { kind: 'OVERDUE', fireAt: new Date(now), offsetMs: now - due };
}

/**
 * A deterministic id for one occurrence of one subject (a recommendation or action item id), safe as a
 * BullMQ job id (no `:`): `reminder-<id>-<epochMs>-<KIND>`. Re-adding the same occurrence dedupes.
 */
export function occurrenceKey(subjectId: string, occurrence: Pick<Occurrence, 'kind' | 'fireAt'>): string {
  return `reminder-${encodeURIComponent(subjectId)}-${occurrence.fireAt.getTime()}-${occurrence.kind}`;
}

/**
 * Whether a queued occurrence still holds under the current state, checked by the worker just before
 * sending, so a reminder for an old deadline, an old policy or a closed recommendation never goes out:
 * it must be in the current schedule at its instant, or be a catch-up OVERDUE for the current deadline
 * (fireAt = dueAt + offsetMs) that no snooze covers.
 */
export function isOccurrenceCurrent(input: ReminderScheduleInput, occurrence: Occurrence): boolean {
  const at = occurrence.fireAt;
  const current = occurrencesBetween(input, at, at, MAX_OCCURRENCES);
  if (current.some((o) => o.kind === occurrence.kind && o.offsetMs === occurrence.offsetMs)) return true;
  if (occurrence.kind !== 'OVERDUE') return false;
  const due = time(input.dueAt);
  const fire = time(at);
  const snooze = time(input.snoozedUntil);
  return (
    due !== null &&
    fire !== null &&
    !isClosedCategory(input.category) &&
    occurrence.offsetMs > 0 &&
    due + occurrence.offsetMs === fire &&
    (snooze === null || snooze <= fire)
  );
}

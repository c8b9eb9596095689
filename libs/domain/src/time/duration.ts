import { badInput } from '../errors';

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
/** Calendar units have no fixed length; reminders need one, so a month is 30 days and a year 365. */
export const MONTH_MS = 30 * DAY_MS;
export const YEAR_MS = 365 * DAY_MS;

// Whole numbers for every unit, a fraction (`.` or `,`, as ISO-8601 allows) on seconds only.
const ISO_DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const UNIT_MS = [YEAR_MS, MONTH_MS, WEEK_MS, DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS];

/**
 * Parses an ISO-8601 duration (`P7D`, `PT12H`, `PT2S`, `PT0.5S`, `P1DT1H`) into milliseconds.
 * Throws BAD_USER_INPUT naming `field` for empty (`P`, `PT`), negative or malformed input.
 */
export function parseDuration(iso: string, field?: string): number {
  const at = field ?? 'duration';
  if (typeof iso !== 'string') throw badInput(at, 'must be an ISO-8601 duration such as P7D or PT2S');
  // Lower-case designators are unambiguous, so accept them like Temporal does.
  const text = iso.toUpperCase();
  const match = ISO_DURATION.exec(text);
  // `P` alone, or a `T` with nothing after it, matches the pattern with no unit at all.
  if (!match || text.endsWith('T') || match.slice(1).every((part) => part === undefined)) {
    throw badInput(at, `"${iso}" is not an ISO-8601 duration such as P7D, PT12H or PT2S`);
  }
  let ms = 0;
  match.slice(1).forEach((part, i) => {
    if (part !== undefined) ms += Number(part.replace(',', '.')) * UNIT_MS[i];
  });
  ms = Math.round(ms);
  if (!Number.isSafeInteger(ms)) throw badInput(at, `"${iso}" is too long a duration`);
  return ms;
}

/**
 * The canonical ISO-8601 form of a duration in milliseconds: days and time units only (never Y/M/W,
 * whose lengths are conventions), e.g. 604800000 → `P7D`, 1500 → `PT1.5S`, 0 → `PT0S`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`formatDuration: ${ms} is not a non-negative duration`);
  let rest = Math.round(ms);
  if (rest === 0) return 'PT0S';
  const days = Math.floor(rest / DAY_MS);
  rest -= days * DAY_MS;
  const hours = Math.floor(rest / HOUR_MS);
  rest -= hours * HOUR_MS;
  const minutes = Math.floor(rest / MINUTE_MS);
  rest -= minutes * MINUTE_MS;
  const seconds = Math.floor(rest / SECOND_MS);
  const millis = rest - seconds * SECOND_MS;

  let time = '';
  if (hours) time += `${hours}H`;
  if (minutes) time += `${minutes}M`;
  if (seconds || millis) {
    const fraction = millis ? `.${String(millis).padStart(3, '0').replace(/0+$/, '')}` : '';
    time += `${seconds}${fraction}S`;
  }
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

const HUMAN_UNITS: ReadonlyArray<[number, string]> = [
  [DAY_MS, 'day'],
  [HOUR_MS, 'hour'],
  [MINUTE_MS, 'minute'],
  [SECOND_MS, 'second'],
];

/**
 * A duration in words for email subjects (`Due in 1 day`, `Overdue by 3 hours`): the largest unit
 * that fits at least once, rounded down; anything under a second reads `1 second`. The sign is
 * ignored, since callers say "in" or "by" themselves.
 */
export function humanizeDuration(ms: number): string {
  const abs = Number.isFinite(ms) ? Math.abs(ms) : 0;
  for (const [unitMs, unit] of HUMAN_UNITS) {
    const count = Math.floor(abs / unitMs);
    if (count >= 1) return `${count} ${unit}${count === 1 ? '' : 's'}`;
  }
  return '1 second';
}

import { badInput } from '../errors';
import { DAY_MS, formatDuration, parseDuration, SECOND_MS } from '../time';

export const REMINDER_KINDS = ['UPCOMING', 'DUE', 'OVERDUE', 'ESCALATION'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_CHANNELS = ['IN_APP', 'EMAIL', 'WEBHOOK'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

/** A team's reminder policy, durations in milliseconds. */
export interface ReminderPolicy {
  /** UPCOMING reminders this long before the deadline; 0 reads as "on the deadline" (a DUE reminder). */
  remindBefore: readonly number[];
  remindOnDue: boolean;
  /** An OVERDUE reminder every this long after the deadline; null: none. */
  overdueEvery: number | null;
  /** One ESCALATION this long after the deadline; null: never. */
  escalateAfter: number | null;
  channels: readonly ReminderChannel[];
}

/** The contract's default: [P7D, P1D], on due, P1D, P3D, IN_APP and EMAIL. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = Object.freeze({
  remindBefore: Object.freeze([7 * DAY_MS, DAY_MS]),
  remindOnDue: true,
  overdueEvery: DAY_MS,
  escalateAfter: 3 * DAY_MS,
  channels: Object.freeze(['IN_APP', 'EMAIL'] as const),
});

/** A duration as the API may hand it over: ISO-8601 text, or milliseconds already parsed by a scalar. */
export type DurationValue = string | number;

/** `setReminderPolicy`'s input. */
export interface ReminderPolicyInput {
  remindBefore: readonly DurationValue[];
  remindOnDue: boolean;
  overdueEvery?: DurationValue | null;
  escalateAfter?: DurationValue | null;
  channels: readonly string[];
}

/** The policy as the API shows it: durations as canonical ISO-8601 (`P7D`). */
export interface ReminderPolicyView {
  remindBefore: string[];
  remindOnDue: boolean;
  overdueEvery: string | null;
  escalateAfter: string | null;
  channels: ReminderChannel[];
}

const MAX_REMIND_BEFORE = 20;
/** Repeats faster than this would flood inboxes and queues; durations "work down to seconds". */
const MIN_OVERDUE_EVERY = SECOND_MS;

function toMs(value: DurationValue, field: string): number {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) throw badInput(field, 'must be a non-negative duration');
    return value;
  }
  return parseDuration(value, field);
}

/**
 * Checks and normalizes a new reminder policy. Throws BAD_USER_INPUT naming the field
 * (`input.remindBefore[1]`, `input.overdueEvery`, ...). `remindBefore` comes back without repeats,
 * longest first; channels without repeats in canonical order.
 */
export function parseReminderPolicy(input: ReminderPolicyInput, field = 'input'): ReminderPolicy {
  if (!Array.isArray(input.remindBefore)) throw badInput(`${field}.remindBefore`, 'must be a list of durations');
  if (input.remindBefore.length > MAX_REMIND_BEFORE) {
    throw badInput(`${field}.remindBefore`, `at most ${MAX_REMIND_BEFORE} durations`);
  }
  const remindBefore = [
    ...new Set(input.remindBefore.map((value, i) => toMs(value, `${field}.remindBefore[${i}]`))),
  ].sort((a, b) => b - a);

  if (typeof input.remindOnDue !== 'boolean') throw badInput(`${field}.remindOnDue`, 'must be true or false');

  let overdueEvery: number | null = null;
  if (input.overdueEvery !== null && input.overdueEvery !== undefined) {
    overdueEvery = toMs(input.overdueEvery, `${field}.overdueEvery`);
    if (overdueEvery < MIN_OVERDUE_EVERY) {
      throw badInput(`${field}.overdueEvery`, 'must be at least PT1S; use null for no overdue reminders');
    }
  }
  const escalateAfter =
    input.escalateAfter === null || input.escalateAfter === undefined
      ? null
      : toMs(input.escalateAfter, `${field}.escalateAfter`);

  if (!Array.isArray(input.channels)) throw badInput(`${field}.channels`, 'must be a list of channels');
  input.channels.forEach((channel, i) => {
    if (!(REMINDER_CHANNELS as readonly string[]).includes(channel)) {
      throw badInput(`${field}.channels[${i}]`, `"${String(channel)}" is not one of ${REMINDER_CHANNELS.join(', ')}`);
    }
  });
  const channels = REMINDER_CHANNELS.filter((channel) => input.channels.includes(channel));

  return { remindBefore, remindOnDue: input.remindOnDue, overdueEvery, escalateAfter, channels };
}

/** The policy with durations as canonical ISO-8601, as the API shows it. */
export function formatReminderPolicy(policy: ReminderPolicy): ReminderPolicyView {
  return {
    remindBefore: policy.remindBefore.map(formatDuration),
    remindOnDue: policy.remindOnDue,
    overdueEvery: policy.overdueEvery === null ? null : formatDuration(policy.overdueEvery),
    escalateAfter: policy.escalateAfter === null ? null : formatDuration(policy.escalateAfter),
    channels: [...policy.channels],
  };
}

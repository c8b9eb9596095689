import { DomainError } from '../errors';
import { DAY_MS, HOUR_MS } from '../time';
import {
  DEFAULT_REMINDER_POLICY,
  formatReminderPolicy,
  parseReminderPolicy,
  type ReminderPolicyInput,
} from './reminder-policy';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

const valid = (): ReminderPolicyInput => ({
  remindBefore: ['P7D', 'P1D'],
  remindOnDue: true,
  overdueEvery: 'P1D',
  escalateAfter: 'P3D',
  channels: ['IN_APP', 'EMAIL'],
});

describe('DEFAULT_REMINDER_POLICY', () => {
  it('is the contract default', () => {
    expect(formatReminderPolicy(DEFAULT_REMINDER_POLICY)).toEqual({
      remindBefore: ['P7D', 'P1D'],
      remindOnDue: true,
      overdueEvery: 'P1D',
      escalateAfter: 'P3D',
      channels: ['IN_APP', 'EMAIL'],
    });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEFAULT_REMINDER_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_REMINDER_POLICY.remindBefore)).toBe(true);
  });
});

describe('parseReminderPolicy', () => {
  it('parses the default policy to milliseconds', () => {
    expect(parseReminderPolicy(valid())).toEqual(DEFAULT_REMINDER_POLICY);
  });

  it('sorts remindBefore longest first without repeats, and orders channels', () => {
    const policy = parseReminderPolicy({
      ...valid(),
      remindBefore: ['PT1H', 'P1D', 'PT60M', 'PT2S'],
      channels: ['WEBHOOK', 'IN_APP', 'WEBHOOK'],
    });
    expect(policy.remindBefore).toEqual([DAY_MS, HOUR_MS, 2000]);
    expect(policy.channels).toEqual(['IN_APP', 'WEBHOOK']);
  });

  it('takes null or absent overdueEvery and escalateAfter as none', () => {
    const policy = parseReminderPolicy({ remindBefore: [], remindOnDue: false, overdueEvery: null, channels: [] });
    expect(policy).toEqual({
      remindBefore: [],
      remindOnDue: false,
      overdueEvery: null,
      escalateAfter: null,
      channels: [],
    });
  });

  it('takes durations already in milliseconds', () => {
    expect(parseReminderPolicy({ ...valid(), remindBefore: [HOUR_MS], overdueEvery: 2000 })).toMatchObject({
      remindBefore: [HOUR_MS],
      overdueEvery: 2000,
    });
  });

  it('allows PT0S before the deadline and a zero escalation', () => {
    expect(parseReminderPolicy({ ...valid(), remindBefore: ['PT0S'], escalateAfter: 'PT0S' })).toMatchObject({
      remindBefore: [0],
      escalateAfter: 0,
    });
  });

  it.each<[string, Partial<ReminderPolicyInput>, string]>([
    ['a malformed remindBefore', { remindBefore: ['P7D', 'soon'] }, 'input.remindBefore[1]'],
    ['a negative duration in ms', { remindBefore: [-5] }, 'input.remindBefore[0]'],
    ['an empty duration', { escalateAfter: 'P' }, 'input.escalateAfter'],
    ['a zero overdueEvery', { overdueEvery: 'PT0S' }, 'input.overdueEvery'],
    ['a sub-second overdueEvery', { overdueEvery: 'PT0.5S' }, 'input.overdueEvery'],
    ['an unknown channel', { channels: ['IN_APP', 'SMS'] }, 'input.channels[1]'],
    [
      'too many remindBefore',
      { remindBefore: Array.from({ length: 21 }, (_, i) => `PT${i + 1}H`) },
      'input.remindBefore',
    ],
  ])('refuses %s (BAD_USER_INPUT on %s)', (_what, change, field) => {
    const error = errorOf(() => parseReminderPolicy({ ...valid(), ...change }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('formatReminderPolicy', () => {
  it('shows durations as canonical ISO-8601', () => {
    const policy = parseReminderPolicy({
      ...valid(),
      remindBefore: ['PT48H', 'PT2S'],
      overdueEvery: null,
      escalateAfter: 'PT90M',
    });
    expect(formatReminderPolicy(policy)).toEqual({
      remindBefore: ['P2D', 'PT2S'],
      remindOnDue: true,
      overdueEvery: null,
      escalateAfter: 'PT1H30M',
      channels: ['IN_APP', 'EMAIL'],
    });
  });
});

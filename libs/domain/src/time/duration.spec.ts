import { DomainError } from '../errors';
import { DAY_MS, formatDuration, HOUR_MS, humanizeDuration, MINUTE_MS, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['P7D', 7 * DAY_MS],
    ['P1D', DAY_MS],
    ['PT12H', 12 * HOUR_MS],
    ['PT2S', 2000],
    ['PT0.5S', 500],
    ['PT1,25S', 1250],
    ['PT0S', 0],
    ['P0D', 0],
    ['P1W', 7 * DAY_MS],
    ['P1M', 30 * DAY_MS],
    ['P1Y', 365 * DAY_MS],
    ['P1DT1H1M1S', DAY_MS + HOUR_MS + MINUTE_MS + 1000],
    [
      'P1Y2M3W4DT5H6M7.008S',
      365 * DAY_MS + 60 * DAY_MS + 21 * DAY_MS + 4 * DAY_MS + 5 * HOUR_MS + 6 * MINUTE_MS + 7008,
    ],
    ['PT90M', 90 * MINUTE_MS],
    ['p3d', 3 * DAY_MS],
  ])('%s is %d ms', (iso, ms) => {
    expect(parseDuration(iso)).toBe(ms);
  });

  it.each([
    '',
    'P',
    'PT',
    'P1DT',
    '-P1D',
    'P-1D',
    'P1.5D',
    '7D',
    'P7',
    'PT1D',
    'P1H',
    'P1D1Y',
    ' P1D',
    'P1DT2X',
    'abc',
    'P1e3D',
  ])('rejects %j as BAD_USER_INPUT', (iso) => {
    expect(() => parseDuration(iso)).toThrow(DomainError);
    try {
      parseDuration(iso);
    } catch (error) {
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      expect((error as DomainError).field).toBe('duration');
    }
  });

  it('names the given field', () => {
    expect(() => parseDuration('P', 'input.remindBefore[1]')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.remindBefore[1]' }),
    );
  });

  it('rejects durations beyond safe integers', () => {
    expect(() => parseDuration('P99999999999999999999D')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('formatDuration', () => {
  it.each([
    [604800000, 'P7D'],
    [2000, 'PT2S'],
    [0, 'PT0S'],
    [90061000, 'P1DT1H1M1S'],
    [1500, 'PT1.5S'],
    [1, 'PT0.001S'],
    [12 * HOUR_MS, 'PT12H'],
    [DAY_MS + 30 * MINUTE_MS, 'P1DT30M'],
    [365 * DAY_MS, 'P365D'],
  ])('%d ms is %s', (ms, iso) => {
    expect(formatDuration(ms)).toBe(iso);
  });

  it.each(['P7D', 'PT2S', 'PT0S', 'P1DT1H1M1S', 'PT0.25S', 'P2DT3H'])('round-trips %s', (iso) => {
    expect(formatDuration(parseDuration(iso))).toBe(iso);
  });

  it('refuses negative and non-finite input', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });
});

describe('humanizeDuration', () => {
  it.each([
    [DAY_MS, '1 day'],
    [2 * DAY_MS, '2 days'],
    [2 * DAY_MS + 23 * HOUR_MS, '2 days'],
    [3 * HOUR_MS, '3 hours'],
    [HOUR_MS, '1 hour'],
    [HOUR_MS + 59 * MINUTE_MS, '1 hour'],
    [5 * MINUTE_MS, '5 minutes'],
    [MINUTE_MS, '1 minute'],
    [30_000, '30 seconds'],
    [1000, '1 second'],
    [400, '1 second'],
    [0, '1 second'],
    [-2 * DAY_MS, '2 days'],
  ])('%d ms reads %s', (ms, text) => {
    expect(humanizeDuration(ms)).toBe(text);
  });
});

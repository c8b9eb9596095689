import { DomainError } from '../errors';
import { assertTimeZone, isValidTimeZone } from './time-zone';

describe('isValidTimeZone', () => {
  it.each([
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'Asia/Seoul',
    'America/Argentina/Buenos_Aires',
    'America/Port-au-Prince',
    'Etc/GMT+5',
    'Asia/Kolkata',
    'Asia/Calcutta',
  ])('accepts %s', (name) => {
    expect(isValidTimeZone(name)).toBe(true);
  });

  it.each([
    '',
    'EST',
    'GMT',
    'utc',
    'Z',
    '+05:00',
    '-0800',
    'UTC+2',
    'america/new_york',
    'America/NEW_YORK',
    'Foo/Bar',
    'Europe/',
    '/Europe',
    'Europe/Berlin ',
  ])('rejects %j', (name) => {
    expect(isValidTimeZone(name)).toBe(false);
  });
});

describe('assertTimeZone', () => {
  it('returns a valid name', () => {
    expect(assertTimeZone('Asia/Seoul', 'input.timezone')).toBe('Asia/Seoul');
  });

  it('throws BAD_USER_INPUT naming the field', () => {
    let caught: unknown;
    try {
      assertTimeZone('Mars/Olympus', 'input.timezone');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.timezone' });
    expect((caught as DomainError).message).toContain('Mars/Olympus');
  });
});

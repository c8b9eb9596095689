import { DomainError } from '../errors';
import { assertPageSize, decodeCursor, encodeCursor } from './cursor';

const position = { at: '2026-03-01T09:00:00.123456Z', id: '0b0e5a52-6f5e-4b6a-9d2a-6f2a1c0e7f11' };

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('keyset cursors', () => {
  it('round-trips a position, microseconds included', () => {
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it('is opaque: neither the time nor the id shows in clear', () => {
    const cursor = encodeCursor(position);
    expect(cursor).not.toContain('2026');
    expect(cursor).not.toContain(position.id);
  });

  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['empty', ''],
    ['not base64', 'abc$%^'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['an object', b64({ at: position.at, id: position.id })],
    ['three items', b64([position.at, position.id, 1])],
    ['a bad time', b64(['yesterday', position.id])],
    ['an impossible date', b64(['2026-02-31T99:00:00Z', position.id])],
    ['a bad id', b64([position.at, 'not-a-uuid'])],
    ['a number id', b64([position.at, 42])],
    ['too long', 'A'.repeat(500)],
  ])('refuses %s as BAD_USER_INPUT naming the argument', (_what, cursor) => {
    expect(errorOf(() => decodeCursor(cursor, 'after'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses a cursor with one character changed', () => {
    const cursor = encodeCursor(position);
    const tampered = (cursor[0] === 'A' ? 'B' : 'A') + cursor.slice(1);
    expect(errorOf(() => decodeCursor(tampered)).field).toBe('after');
  });
});

describe('assertPageSize', () => {
  it('defaults to 50 and accepts 0 to 100', () => {
    expect(assertPageSize(undefined)).toBe(50);
    expect(assertPageSize(0)).toBe(0);
    expect(assertPageSize(100)).toBe(100);
  });

  it.each([101, -1, 1.5])('refuses %d', (first) => {
    expect(errorOf(() => assertPageSize(first))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

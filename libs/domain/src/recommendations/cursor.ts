import { badInput } from '../errors';
import { isUuid } from '../teams';

/** A keyset position: a row's creation time in microseconds (ISO-8601, UTC) and its id as the tie-break. */
export interface KeysetPosition {
  /** e.g. `2026-03-01T09:00:00.123456Z`: Postgres keeps microseconds, which a JS Date would lose. */
  at: string;
  id: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_CURSOR_LENGTH = 200;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** Opaque to clients: base64url of the position. */
export function encodeCursor(position: KeysetPosition): string {
  return encodeCursorParts([position.at, position.id]);
}

/** Reads a cursor this API handed out; anything else (tampered, truncated, foreign) is BAD_USER_INPUT on `field`. */
export function decodeCursor(cursor: string, field = 'after'): KeysetPosition {
  const parts = decodeCursorParts(cursor, field);
  if (parts.length !== 2) throw refuseCursor(field);
  const [at, id] = parts;
  if (!isKeysetTime(at)) throw refuseCursor(field);
  if (typeof id !== 'string' || !isUuid(id)) throw refuseCursor(field);
  return { at, id: id.toLowerCase() };
}

/** The one answer to any cursor this API did not hand out (or not for this list and order). */
export const refuseCursor = (field = 'after') =>
  badInput(field, 'not a cursor from this list; pass an endCursor or edge cursor unchanged');

/** A timestamp as cursors carry it: ISO-8601 in UTC, up to microseconds. */
export function isKeysetTime(value: unknown): value is string {
  return typeof value === 'string' && AT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Opaque to clients: base64url of a JSON array of plain values; each list checks its own shape on decoding. */
export function encodeCursorParts(parts: ReadonlyArray<string | number | null>): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** The array inside a cursor; anything but a well-formed, bounded array is BAD_USER_INPUT on `field`. */
export function decodeCursorParts(cursor: string, field = 'after'): unknown[] {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw refuseCursor(field);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuseCursor(field);
  }
  if (!Array.isArray(parsed)) throw refuseCursor(field);
  return parsed as unknown[];
}

/** `first` of a connection: 0 to 100. */
export function assertPageSize(first: number | null | undefined, field = 'first'): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(field, `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

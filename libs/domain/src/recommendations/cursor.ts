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
  return Buffer.from(JSON.stringify([position.at, position.id]), 'utf8').toString('base64url');
}

/** Reads a cursor this API handed out; anything else (tampered, truncated, foreign) is BAD_USER_INPUT on `field`. */
export function decodeCursor(cursor: string, field = 'after'): KeysetPosition {
  const refuse = () => badInput(field, 'not a cursor from this list; pass an endCursor or edge cursor unchanged');
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw refuse();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw refuse();
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || !AT.test(at) || Number.isNaN(Date.parse(at))) throw refuse();
  if (typeof id !== 'string' || !isUuid(id)) throw refuse();
  return { at, id: id.toLowerCase() };
}

/** `first` of a connection: 0 to 100. */
export function assertPageSize(first: number | null | undefined, field = 'first'): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(field, `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

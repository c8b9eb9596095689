import { badInput } from '../errors';
import type { Role } from '../workflow/workflow-types';

const TEAM_KEY = /^[A-Z]{2,5}$/;
// Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is the mail server's call.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_NAME_LENGTH = 200;

export function assertTeamKey(key: string, field = 'key'): string {
  if (!TEAM_KEY.test(key)) throw badInput(field, 'a team key is 2 to 5 capital letters, e.g. KOR');
  return key;
}

/** Lower-cases and trims an email, refusing what is not one. */
export function normalizeEmail(email: string, field = 'email'): string {
  const normalized = email.trim().toLowerCase();
  if (normalized.length > 320 || !EMAIL.test(normalized)) throw badInput(field, `"${email}" is not an email address`);
  return normalized;
}

export function assertName(name: string, field = 'name'): string {
  const trimmed = name.trim();
  if (!trimmed) throw badInput(field, 'must not be empty');
  if (trimmed.length > MAX_NAME_LENGTH) throw badInput(field, `must be at most ${MAX_NAME_LENGTH} characters`);
  return trimmed;
}

export function assertPassword(password: string, field = 'password'): string {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badInput(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > 1024) throw badInput(field, 'must be at most 1024 characters');
  return password;
}

/** A team must keep at least one ADMIN: refuses a change that would leave it with none. */
export function assertKeepsAnAdmin(adminCount: number, changingAnAdmin: boolean, newRole: Role | null): void {
  if (changingAnAdmin && newRole !== 'ADMIN' && adminCount <= 1) {
    throw badInput('userId', 'a team must keep at least one ADMIN');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function assertUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(field, `"${value}" is not an id`);
  return value.toLowerCase();
}

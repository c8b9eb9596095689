/**
 * The one error vocabulary of Docket. Domain code throws `DomainError`s; the GraphQL edge
 * maps `code` to `extensions.code` in a single formatter.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field at fault, for BAD_USER_INPUT (dotted path, e.g. `input.title`). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string): DomainError =>
  new DomainError('BAD_USER_INPUT', `${field}: ${message}`, field);

export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', `${what} not found`);

export const forbidden = (message: string): DomainError => new DomainError('FORBIDDEN', message);

export const conflict = (message: string, field?: string): DomainError => new DomainError('CONFLICT', message, field);

export const invalidTransition = (message: string): DomainError => new DomainError('INVALID_TRANSITION', message);

export const unauthenticated = (message = 'A valid token is required'): DomainError =>
  new DomainError('UNAUTHENTICATED', message);

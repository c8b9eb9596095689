import { randomUUID } from 'node:crypto';

import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, type ErrorCode } from '@docket/domain';
import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

const logger = new Logger('GraphQL');

/** Codes that graphql-js and Apollo raise themselves for a malformed request; passed through as they are. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** The contract's codes, each mapped on purpose: adding a code to the domain fails to compile until it is mapped here. */
function extensionCode(code: ErrorCode): string {
  switch (code) {
    case 'BAD_USER_INPUT':
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'INVALID_TRANSITION':
      return code;
    default: {
      const unmapped: never = code;
      return unmapped;
    }
  }
}

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

function domainErrorOf(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (error instanceof GraphQLError && error.originalError) return domainErrorOf(error.originalError);
  if (error instanceof HttpException && HTTP_CODES[error.getStatus()]) {
    return new DomainError(HTTP_CODES[error.getStatus()]!, error.message);
  }
  return undefined;
}

/**
 * The one place errors leave the API: domain errors keep their code (and the field at fault),
 * request errors pass through, and anything else is logged under an id and answered with that id only.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const domain = domainErrorOf(original);
  const base = { locations: formatted.locations, path: formatted.path };
  if (domain) {
    // A scalar refusing a literal surfaces as a validation error wrapping ours: keep graphql's message, which names the argument.
    const message = formatted.extensions?.['code'] === 'GRAPHQL_VALIDATION_FAILED' ? formatted.message : domain.message;
    return {
      ...base,
      message,
      extensions: { code: extensionCode(domain.code), ...(domain.field ? { field: domain.field } : {}) },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && REQUEST_CODES.has(code)) {
    const field = formatted.extensions?.['field'];
    return { ...base, message: formatted.message, extensions: { code, ...(field ? { field } : {}) } };
  }
  const errorId = randomUUID();
  logger.error(
    `errorId=${errorId} ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`,
  );
  return {
    ...base,
    message: `Internal server error (errorId ${errorId})`,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
  };
}

import { badInput, DomainError } from '@docket/domain';
import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';

import { formatGraphqlError } from './error-formatter';

describe('formatGraphqlError', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));

  it('keeps a domain error code and the field at fault', () => {
    const error = new GraphQLError('wrapped', { originalError: badInput('input.title', 'too long'), path: ['x'] });
    expect(formatGraphqlError({ message: 'wrapped' }, error)).toEqual({
      message: 'input.title: too long',
      path: undefined,
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', field: 'input.title' },
    });
  });

  it.each(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INVALID_TRANSITION'] as const)(
    'passes %s through',
    (code) => {
      const error = new GraphQLError('x', { originalError: new DomainError(code, 'why') });
      expect(formatGraphqlError({ message: 'x' }, error).extensions).toEqual({ code });
    },
  );

  it('answers an unknown error with an id only, never its message or stack', () => {
    const secret = new Error('connection to 10.0.0.7 refused by password=hunter2');
    const formatted = formatGraphqlError({ message: secret.message, extensions: { stacktrace: ['at x'] } }, secret);
    expect(formatted.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(formatted.extensions?.['errorId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(formatted)).not.toMatch(/hunter2|10\.0\.0\.7|stacktrace/);
    expect(Logger.prototype.error).toHaveBeenCalledWith(
      expect.stringContaining(String(formatted.extensions?.['errorId'])),
    );
  });

  it('passes graphql request errors through with their code', () => {
    const formatted = formatGraphqlError(
      { message: 'Cannot query field "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('Cannot query field "x"'),
    );
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});

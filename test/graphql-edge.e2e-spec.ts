import { startTestApi, type TestApi } from './support/api-harness';

/** `teams { members { team { members … user { name } } } }` reaching the given depth (the root field is level 1). */
function nestedTeams(depth: number): string {
  const path = ['teams'];
  while (path.length < depth - 2) path.push(path.length % 2 === 1 ? 'members' : 'team');
  if (path[path.length - 1] === 'team') path.push('members');
  path.push('user');
  return `{ ${path.join(' { ')} { name }${' }'.repeat(path.length - 1)} }`;
}

describe('the GraphQL edge: limits and errors', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi();
    ({ token } = await api.signUp('edge@example.com'));
  });
  afterAll(() => api.close());

  it('refuses a query nested deeper than 12 before it runs, naming the limit', async () => {
    const error = await api.client.as(token).error(nestedTeams(14));
    expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/depth 14 exceeds the maximum depth of 12/);
  });

  it('refuses a query whose cost passes 50,000, naming the limit', async () => {
    const costly = `{ teams { members { team { members { team { members { user { name } } } } } } } }`;
    const error = await api.client.as(token).error(costly);
    expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/exceeds the maximum cost of 50000/);
  });

  it('runs a query inside both limits', async () => {
    const result = await api.client.as(token).request(`{ teams { members { user { name } team { key } } } }`);
    expect(result.errors).toBeUndefined();
  });

  it('answers a body over 1 MiB with HTTP 413', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
  });

  it('answers a syntax error without a stack trace', async () => {
    const result = await api.client.as(token).request('{ me { id ');
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.js/);
  });
});

import { startTestApi, type TestApi } from './support/api-harness';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token user { email } } }`;
const ME = `{ me { id email name timezone } }`;

describe('auth through POST /graphql', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('registers, logs in and answers me with the session token', async () => {
    const { client } = await api.signUp('ada@example.com', 'Ada');
    const { me } = await client.data<{ me: { email: string; name: string; timezone: string } }>(ME);
    expect(me).toMatchObject({ email: 'ada@example.com', name: 'Ada', timezone: 'UTC' });

    const { login } = await api.client.data<{ login: { token: string } }>(LOGIN, {
      input: { email: 'ADA@example.com', password: 'correct horse battery' },
    });
    const again = await api.client.as(login.token).data<{ me: { email: string } }>(ME);
    expect(again.me.email).toBe('ada@example.com');
  });

  it('answers a wrong password and an unknown email alike', async () => {
    await api.signUp('bob@example.com');
    const wrong = await api.client.error(LOGIN, { input: { email: 'bob@example.com', password: 'not his password' } });
    const unknown = await api.client.error(LOGIN, { input: { email: 'nobody@example.com', password: 'whatever123' } });
    expect(wrong.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown).toEqual(wrong);
  });

  it('refuses guarded operations without a valid token', async () => {
    expect((await api.client.error(ME)).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.client.as('not-a-token').error(ME)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows an API token once, stores only its hash, records its use, and revokes it', async () => {
    const { client } = await api.signUp('tok@example.com');
    const { createApiToken } = await client.data<{ createApiToken: { token: string; apiToken: { id: string } } }>(
      `mutation { createApiToken(name: "CI") { token apiToken { id name lastUsedAt } } }`,
    );
    const stored = await api.database.query<{ token_hash: string }>(`SELECT token_hash FROM api_tokens WHERE id = $1`, [
      createApiToken.apiToken.id,
    ]);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]?.token_hash).not.toContain(createApiToken.token);

    const withToken = api.client.as(createApiToken.token);
    expect((await withToken.data<{ me: { email: string } }>(ME)).me.email).toBe('tok@example.com');
    const { apiTokens } = await client.data<{ apiTokens: { lastUsedAt: string | null }[] }>(
      `{ apiTokens { lastUsedAt } }`,
    );
    expect(apiTokens[0]?.lastUsedAt).not.toBeNull();

    const { client: other } = await api.signUp('other@example.com');
    const stranger = await other.error(`mutation($id: ID!) { revokeApiToken(id: $id) }`, {
      id: createApiToken.apiToken.id,
    });
    expect(stranger.extensions?.code).toBe('NOT_FOUND');
    expect((await withToken.data<{ me: { email: string } }>(ME)).me.email).toBe('tok@example.com');

    await client.data(`mutation($id: ID!) { revokeApiToken(id: $id) }`, { id: createApiToken.apiToken.id });
    expect((await withToken.error(ME)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['email', { email: 'not-an-email', name: 'X', password: 'long enough' }],
    ['password', { email: 'short@example.com', name: 'X', password: 'short' }],
    ['timezone', { email: 'tz@example.com', name: 'X', password: 'long enough', timezone: 'EST' }],
    ['name', { email: 'noname@example.com', name: '', password: 'long enough' }],
  ])('refuses a bad %s at registration, naming it, and writes nothing', async (field, input) => {
    const error = await api.client.error(`mutation($input: RegisterInput!) { register(input: $input) { token } }`, {
      input,
    });
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: `input.${field}` });
    expect(error.message).toContain(field);
    const rows = await api.database.query(`SELECT 1 FROM users WHERE email = $1`, [input.email]);
    expect(rows).toHaveLength(0);
  });

  it('updates the caller and validates the time zone', async () => {
    const { client } = await api.signUp('me@example.com');
    const { updateMe } = await client.data<{
      updateMe: { name: string; timezone: string; emailNotifications: boolean };
    }>(
      `mutation { updateMe(input: { name: "Renamed", timezone: "Asia/Seoul", emailNotifications: false }) { name timezone emailNotifications } }`,
    );
    expect(updateMe).toEqual({ name: 'Renamed', timezone: 'Asia/Seoul', emailNotifications: false });
    const error = await client.error(`mutation { updateMe(input: { timezone: "+05:00" }) { name } }`);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.timezone' });
  });
});

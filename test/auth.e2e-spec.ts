import { type TestApi, startTestApi } from './support/api-harness';

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
});

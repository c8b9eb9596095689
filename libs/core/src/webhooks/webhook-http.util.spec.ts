import { createHmac } from 'node:crypto';

import { checkPublicHost, type FetchLike, postWebhook, webhookHeaders, webhookSignature } from './webhook-http.util';

const request = { url: 'https://hooks.example.com/docket', body: '{"id":"x"}', headers: { 'X-Test': '1' } };

describe('webhookSignature', () => {
  it('is sha256= and the hex HMAC-SHA256 of the raw body with the secret', () => {
    const expected = createHmac('sha256', 'my-secret').update('{"a":"é"}').digest('hex');
    expect(webhookSignature('my-secret', '{"a":"é"}')).toBe(`sha256=${expected}`);
    expect(webhookSignature('other-secret', '{"a":"é"}')).not.toBe(`sha256=${expected}`);
  });

  it('goes out with the event, the delivery id, JSON and the user agent', () => {
    expect(webhookHeaders('REMINDER', 'd-1', 'sha256=ab')).toEqual({
      'Content-Type': 'application/json',
      'User-Agent': 'Docket-Webhooks',
      'X-Docket-Event': 'REMINDER',
      'X-Docket-Delivery': 'd-1',
      'X-Docket-Signature': 'sha256=ab',
    });
  });
});

describe('postWebhook', () => {
  const answering =
    (status: number, headers: Record<string, string> = {}): FetchLike =>
    async () =>
      new Response(status === 204 || status === 304 ? null : 'body', { status, headers });

  it('POSTs the body as given, never following redirects, under a timeout', async () => {
    const fetch = jest.fn<Promise<Response>, Parameters<FetchLike>>(answering(200));
    await postWebhook(request, { fetch, timeoutMs: 1234 });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(request.url);
    expect(init).toMatchObject({ method: 'POST', body: request.body, headers: request.headers, redirect: 'manual' });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it.each([200, 201, 204, 299])('counts %d as delivered', async (status) => {
    expect(await postWebhook(request, { fetch: answering(status) })).toEqual({
      ok: true,
      responseCode: status,
      error: null,
    });
  });

  it.each([500, 404, 410, 429])('counts %d as failed, keeping the code', async (status) => {
    expect(await postWebhook(request, { fetch: answering(status) })).toEqual({
      ok: false,
      responseCode: status,
      error: `HTTP ${status}`,
    });
  });

  it('counts a redirect as failed and says where it led', async () => {
    const attempt = await postWebhook(request, { fetch: answering(302, { location: 'http://10.0.0.1/' }) });
    expect(attempt).toMatchObject({ ok: false, responseCode: 302 });
    expect(attempt.error).toContain('http://10.0.0.1/');
  });

  it('gives up when no answer comes within the timeout', async () => {
    // A receiver that never answers: the request ends only when its signal aborts it.
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const started = Date.now();
    const attempt = await postWebhook(request, { fetch: hanging, timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(attempt).toEqual({ ok: false, responseCode: null, error: 'no response within 50 ms' });
  });

  it('reports a network error with its code', async () => {
    const refused: FetchLike = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    };
    expect(await postWebhook(request, { fetch: refused })).toEqual({
      ok: false,
      responseCode: null,
      error: 'fetch failed: ECONNREFUSED',
    });
  });
});

describe('checkPublicHost', () => {
  const resolving = (addresses: string[]) => async () => addresses;

  it('passes a host whose every address is public', async () => {
    expect(await checkPublicHost('example.com', resolving(['93.184.216.34', '2606:2800:220:1::1']))).toEqual({
      ok: true,
    });
  });

  it('refuses a host with any private address, naming it', async () => {
    const check = await checkPublicHost('rebind.example', resolving(['93.184.216.34', '127.0.0.1']));
    expect(check).toMatchObject({ ok: false, reason: expect.stringContaining('127.0.0.1') });
  });

  it('refuses a host that does not resolve', async () => {
    const failing = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    expect(await checkPublicHost('nowhere.invalid', failing)).toEqual({
      ok: false,
      reason: 'nowhere.invalid does not resolve',
    });
    expect(await checkPublicHost('empty.example', resolving([]))).toMatchObject({ ok: false });
  });

  it('resolves localhost for real and refuses it', async () => {
    expect(await checkPublicHost('localhost')).toMatchObject({ ok: false });
  });
});

import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';

import { isPrivateNetworkAddress, WEBHOOK_TIMEOUT_MS, type WebhookEvent } from '@docket/domain';

/** Every address a host name resolves to (an address resolves to itself). */
export type AddressLookup = (host: string) => Promise<string[]>;

export const lookupAllAddresses: AddressLookup = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

export type AddressCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether every address `host` resolves to is public. Any private one refuses it: the connection
 * may go to whichever address comes first.
 */
export async function checkPublicHost(
  host: string,
  lookupFn: AddressLookup = lookupAllAddresses,
): Promise<AddressCheck> {
  let addresses: string[];
  try {
    addresses = await lookupFn(host);
  } catch {
    return { ok: false, reason: `${host} does not resolve` };
  }
  if (!addresses.length) return { ok: false, reason: `${host} does not resolve` };
  const refused = addresses.find(isPrivateNetworkAddress);
  return refused === undefined
    ? { ok: true }
    : {
        ok: false,
        reason: `${host} resolves to ${refused}, a loopback, private or link-local address (WEBHOOK_ALLOW_PRIVATE_NETWORKS is off)`,
      };
}

/** `sha256=<hex HMAC-SHA256 of the raw body with the secret>`. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function webhookHeaders(event: WebhookEvent, deliveryId: string, signature: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'Docket-Webhooks',
    'X-Docket-Event': event,
    'X-Docket-Delivery': deliveryId,
    'X-Docket-Signature': signature,
  };
}

export interface WebhookAttempt {
  ok: boolean;
  /** The HTTP status of the answer; null when none came. */
  responseCode: number | null;
  /** Why it failed; null when it did not. */
  error: string | null;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * One POST. 2xx succeeds; any other answer, a redirect (never followed: it could lead anywhere, private
 * networks included), a network error or no answer within `timeoutMs` fails. Never throws.
 */
export async function postWebhook(
  request: { url: string; body: string; headers: Record<string, string> },
  options: { timeoutMs?: number; fetch?: FetchLike } = {},
): Promise<WebhookAttempt> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const fetchFn = options.fetch ?? fetch;
  try {
    const response = await fetchFn(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The answer's body is not wanted; cancelling it frees the connection.
    await response.body?.cancel().catch(() => undefined);
    const status = response.status;
    if (status >= 200 && status < 300) return { ok: true, responseCode: status, error: null };
    const error =
      status >= 300 && status < 400
        ? `HTTP ${status}: redirects are not followed (to ${response.headers.get('location') ?? 'nowhere'})`
        : `HTTP ${status}`;
    return { ok: false, responseCode: status, error };
  } catch (error) {
    return { ok: false, responseCode: null, error: describeFetchError(error, timeoutMs) };
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no response within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const message = error instanceof Error ? error.message : String(error);
  return (cause?.code ? `${message}: ${cause.code}` : cause?.message ? `${message}: ${cause.message}` : message).slice(
    0,
    1000,
  );
}

import { type Client, createClient, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

export interface WsClose {
  code: number;
  reason: string;
}

/** One subscription's results, taken one at a time. */
export interface WsSubscription<T> {
  /** The next result; rejects when the subscription ends first, or after `timeoutMs`. */
  next(timeoutMs?: number): Promise<FormattedExecutionResult<T, unknown>>;
  /** Resolves when the server completes the subscription. */
  readonly completed: Promise<void>;
  dispose(): void;
}

const closeOf = (event: unknown): WsClose => {
  const { code, reason } = (event ?? {}) as { code?: unknown; reason?: unknown };
  return { code: typeof code === 'number' ? code : -1, reason: typeof reason === 'string' ? reason : String(event) };
};

/**
 * A graphql-ws client on a running API, connected at once and never reconnecting, so a test sees each
 * close (`closes`, `closed`) and how many times it connected.
 */
export class WsTestClient {
  readonly closes: WsClose[] = [];
  connections = 0;
  /** Resolves with the first close of the socket. */
  readonly closed: Promise<WsClose>;
  private readonly client: Client;

  constructor(baseUrl: string, token?: string) {
    let onClose!: (close: WsClose) => void;
    this.closed = new Promise((resolve) => (onClose = resolve));
    this.client = createClient({
      url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      lazy: false,
      retryAttempts: 0,
      // The close is what the test looks at (`closed`), not an error to print.
      onNonLazyError: () => undefined,
      on: {
        connected: () => this.connections++,
        closed: (event) => {
          const close = closeOf(event);
          this.closes.push(close);
          onClose(close);
        },
      },
    });
  }

  subscribe<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): WsSubscription<T> {
    const results: FormattedExecutionResult<T, unknown>[] = [];
    const waiters: Array<{ resolve: (r: FormattedExecutionResult<T, unknown>) => void; reject: (e: Error) => void }> =
      [];
    let ended: Error | undefined;
    let onComplete!: () => void;
    const completed = new Promise<void>((resolve) => (onComplete = resolve));
    const end = (error: Error) => {
      ended = error;
      for (const waiter of waiters.splice(0)) waiter.reject(error);
    };
    const dispose = this.client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          const waiter = waiters.shift();
          if (waiter) waiter.resolve(result);
          else results.push(result);
        },
        // An Error message carries GraphQL errors; a failed connection, the close event.
        error: (error) =>
          end(new Error(`subscription failed: ${JSON.stringify(Array.isArray(error) ? error : closeOf(error))}`)),
        complete: () => {
          onComplete();
          end(new Error('subscription completed'));
        },
      },
    );
    return {
      completed,
      dispose,
      next(timeoutMs = 10_000) {
        const ready = results.shift();
        if (ready) return Promise.resolve(ready);
        if (ended) return Promise.reject(ended);
        return new Promise((resolve, reject) => {
          // A guard against hanging until Jest's own timeout, with a message saying what was awaited.
          const timer = setTimeout(() => {
            const i = waiters.indexOf(waiter);
            if (i >= 0) waiters.splice(i, 1);
            reject(new Error(`no subscription result within ${timeoutMs} ms`));
          }, timeoutMs);
          const waiter = {
            resolve: (r: FormattedExecutionResult<T, unknown>) => {
              clearTimeout(timer);
              resolve(r);
            },
            reject: (e: Error) => {
              clearTimeout(timer);
              reject(e);
            },
          };
          waiters.push(waiter);
        });
      },
    };
  }

  async dispose(): Promise<void> {
    await this.client.dispose();
  }
}

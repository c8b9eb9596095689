import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path and query. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as it arrived. */
  body: string;
  receivedAt: number;
}

/** A status (and headers) to answer with, or `hang`: read the request and never answer. */
export type ReceiverAnswer = number | { status: number; headers?: Record<string, string> } | 'hang';

/**
 * A real HTTP server in the test process that records every request. It answers from `script` (one
 * answer per request, in order) and then with `fallback` (200 unless changed).
 */
export class TestHttpReceiver extends EventEmitter {
  readonly received: ReceivedRequest[] = [];
  fallback: ReceiverAnswer = 200;
  private script: ReceiverAnswer[] = [];
  private readonly server: Server;
  url = '';

  constructor() {
    super();
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request: ReceivedRequest = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        };
        this.received.push(request);
        const answer = this.script.shift() ?? this.fallback;
        if (answer !== 'hang') {
          const { status, headers = {} } = typeof answer === 'number' ? { status: answer } : answer;
          res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(`answered ${status}`);
        }
        this.emit('request', request);
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  /** The next requests get these answers, in order; then `fallback`. */
  answer(...answers: ReceiverAnswer[]): this {
    this.script.push(...answers);
    return this;
  }

  /** Resolves once `count` requests (already received or still to come) match. */
  waitFor(match: (request: ReceivedRequest) => boolean, count = 1): Promise<ReceivedRequest[]> {
    const matching = () => this.received.filter(match);
    if (matching().length >= count) return Promise.resolve(matching().slice(0, count));
    return new Promise((resolve) => {
      const listener = () => {
        const found = matching();
        if (found.length < count) return;
        this.off('request', listener);
        resolve(found.slice(0, count));
      };
      this.on('request', listener);
    });
  }

  /** Closes the server, dropping requests held open. */
  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

import { Logger } from '@nestjs/common';

import type { LivePubSub, Unsubscribe } from './live-pubsub';

/** Turns a message into what the subscriber sees; undefined skips it (not theirs, or gone meanwhile). */
export type LiveMapper<T> = (message: object) => Promise<T | undefined>;

/** Messages a slow subscriber may fall behind by before the oldest are dropped. */
const MAX_BUFFERED = 500;

const logger = new Logger('LiveStream');

/**
 * One channel's messages as an async iterator, for a GraphQL subscription. `open` resolves once the
 * channel is subscribed, so nothing published afterwards is missed; messages wait in a bounded buffer
 * while the consumer is busy and are mapped one at a time when it asks. `return` unsubscribes, even
 * before the first `next` (an async generator's `finally` would not run then, and would leak).
 */
export class LiveStream<T> implements AsyncIterableIterator<T> {
  private readonly buffer: object[] = [];
  /** Callers of `next` waiting for a message, oldest first. */
  private readonly waiting: Array<(message: object | undefined) => void> = [];
  private unsubscribe: Unsubscribe | undefined;
  private done = false;
  private dropped = 0;

  private constructor(
    private readonly channel: string,
    private readonly map: LiveMapper<T>,
  ) {}

  static async open<T>(pubsub: LivePubSub, channel: string, map: LiveMapper<T>): Promise<LiveStream<T>> {
    const stream = new LiveStream(channel, map);
    stream.unsubscribe = await pubsub.subscribe(channel, (message) => stream.push(message));
    return stream;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<T>> {
    while (!this.done) {
      const message = this.buffer.shift() ?? (await this.nextMessage());
      if (message === undefined) break;
      let value: T | undefined;
      try {
        value = await this.map(message);
      } catch (error) {
        // At most once, like the transport: one event lost to a failed reload beats ending everyone's subscription.
        logger.error(`reloading a live update of ${this.channel} failed: ${String(error)}`);
        continue;
      }
      if (value !== undefined && !this.done) return { value, done: false };
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<T>> {
    if (!this.done) {
      this.done = true;
      this.buffer.length = 0;
      for (const wake of this.waiting.splice(0)) wake(undefined);
      await this.unsubscribe?.();
    }
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw error;
  }

  private push(message: object): void {
    if (this.done) return;
    const wake = this.waiting.shift();
    if (wake) {
      wake(message);
      return;
    }
    this.buffer.push(message);
    if (this.buffer.length > MAX_BUFFERED) {
      this.buffer.shift();
      if (this.dropped++ === 0)
        logger.warn(`a subscriber of ${this.channel} falls behind: dropping its oldest updates`);
    }
  }

  private nextMessage(): Promise<object | undefined> {
    if (this.done) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

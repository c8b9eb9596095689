import { Logger } from '@nestjs/common';

import { createLivePubSub, type LivePubSub } from './live-pubsub';
import { LiveStream } from './live-stream';

const unusedSql = { query: () => Promise.reject(new Error('the in-process pub/sub never runs SQL')) };

/** Two pub/subs as `npm start` makes them on the embedded database: the API's and the worker's, in one process. */
const embedded = (databaseUrl = 'postgres://postgres@127.0.0.1:1/embedded') =>
  createLivePubSub({ redisUrl: undefined, databaseUrl, embedded: true, queuePrefix: 'docket' }, unusedSql);

/** Resolves with the next `count` messages of a channel. */
function collect(pubsub: LivePubSub, channel: string, count: number): Promise<object[]> {
  const received: object[] = [];
  return new Promise((resolve) => {
    void pubsub.subscribe(channel, (message) => {
      received.push(message);
      if (received.length === count) resolve(received);
    });
  });
}

describe('the in-process live pub/sub (embedded database)', () => {
  const opened: LivePubSub[] = [];
  const open = (databaseUrl?: string) => {
    const pubsub = embedded(databaseUrl);
    opened.push(pubsub);
    return pubsub;
  };

  beforeAll(() => Logger.overrideLogger(false));
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((pubsub) => pubsub.close()));
  });

  it('is chosen for an embedded database even without Redis, and carries messages between apps of the process', async () => {
    const api = open();
    const worker = open();
    expect(api.kind).toBe('in-process');
    const received = collect(api, 'user.u1', 1);
    await worker.publish('user.u1', { notificationId: 'n1', userId: 'u1' });
    expect(await received).toEqual([{ notificationId: 'n1', userId: 'u1' }]);
  });

  it('keeps channels, and embedded databases, apart', async () => {
    const pubsub = open();
    const elsewhere = open('postgres://postgres@127.0.0.1:2/embedded');
    const stray: object[] = [];
    await pubsub.subscribe('team.a', (message) => stray.push(message));
    await elsewhere.subscribe('team.b', (message) => stray.push(message));
    const received = collect(pubsub, 'team.b', 1);
    await elsewhere.publish('team.b', { n: 1 });
    await pubsub.publish('team.b', { n: 2 });
    // Delivered in publish order: had `elsewhere` crossed over, { n: 1 } would have come first.
    expect(await received).toEqual([{ n: 2 }]);
    expect(stray).toEqual([{ n: 1 }]);
  });

  it('stops delivering to a handler once unsubscribed', async () => {
    const pubsub = open();
    const gone: object[] = [];
    const unsubscribe = await pubsub.subscribe('team.a', (message) => gone.push(message));
    const kept = collect(pubsub, 'team.a', 2);
    await pubsub.publish('team.a', { n: 1 });
    await unsubscribe();
    await pubsub.publish('team.a', { n: 2 });
    expect(await kept).toEqual([{ n: 1 }, { n: 2 }]);
    expect(gone).toEqual([]);
    expect(pubsub.listening()).toEqual(['team.a']);
  });
});

describe('LiveStream', () => {
  let pubsub: LivePubSub;
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    pubsub = embedded('postgres://postgres@127.0.0.1:3/stream');
  });
  afterEach(() => pubsub.close());

  it('buffers what arrives while the consumer is busy, maps it in order, and skips what maps to undefined', async () => {
    const stream = await LiveStream.open(pubsub, 'team.a', async (message) => {
      const { n } = message as { n: number };
      if (n === 2) throw new Error('reload failed');
      return n % 3 === 0 ? undefined : `event ${n}`;
    });
    for (const n of [1, 2, 3, 4]) await pubsub.publish('team.a', { n });
    expect(await stream.next()).toEqual({ value: 'event 1', done: false });
    // 2 failed to reload and 3 is not the subscriber's: both skipped.
    expect(await stream.next()).toEqual({ value: 'event 4', done: false });
    await stream.return();
  });

  it('unsubscribes on return, even before the first next, and ends a pending next', async () => {
    const unused = await LiveStream.open(pubsub, 'team.a', async () => 'never');
    expect(pubsub.listening()).toEqual(['team.a']);
    await unused.return();
    const stream = await LiveStream.open(pubsub, 'team.b', async () => 'event');
    const pending = stream.next();
    await stream.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(pubsub.listening()).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';

import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { Client, type Notification } from 'pg';

import type { RuntimeConfig } from '../config/config.module';

export type LiveHandler = (message: object) => void;
export type Unsubscribe = () => Promise<void>;

/** Runs SQL on the app's pool (TypeORM's DataSource satisfies it): NOTIFY needs no connection of its own. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

type Deliver = (channel: string, payload: string) => void;

/** What a store must do for live updates; channels are the logical names, each transport namespaces them. */
interface LiveTransport {
  readonly kind: 'redis' | 'postgres' | 'in-process';
  listen(channel: string): Promise<void>;
  unlisten(channel: string): Promise<void>;
  publish(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

interface ChannelState {
  handlers: Set<LiveHandler>;
  listening: boolean;
  /** Listen and unlisten run one after another per channel, so the store ends up as the handlers say. */
  chain: Promise<void>;
}

/** NOTIFY refuses payloads of 8000 bytes or more; ours carry ids only. */
const MAX_NOTIFY_BYTES = 7999;

const logger = new Logger('LivePubSub');

/**
 * Pub/sub for live updates, at most once: a message published while nobody listens, or while the store
 * is unreachable, is gone (clients refetch when they reconnect). Each channel is subscribed in the store
 * once per process however many local handlers it has, and unsubscribed with its last handler.
 */
export class LivePubSub implements OnApplicationShutdown {
  /** `subscribed` (channel) once the store confirms a subscription: tests wait on it instead of sleeping. */
  readonly events = new EventEmitter();
  private readonly channels = new Map<string, ChannelState>();
  private readonly transport: LiveTransport;
  private closed = false;

  constructor(build: (deliver: Deliver) => LiveTransport) {
    this.transport = build((channel, payload) => this.deliver(channel, payload));
  }

  get kind(): LiveTransport['kind'] {
    return this.transport.kind;
  }

  /** The channels this process is subscribed to in the store. */
  listening(): string[] {
    return [...this.channels].filter(([, state]) => state.listening).map(([channel]) => channel);
  }

  async publish(channel: string, message: object): Promise<void> {
    if (this.closed) return;
    await this.transport.publish(channel, JSON.stringify(message));
  }

  /** Resolves once the store delivers the channel's messages to `handler`; the returned function stops that. */
  async subscribe(channel: string, handler: LiveHandler): Promise<Unsubscribe> {
    if (this.closed) throw new Error('Live updates are shut down');
    let state = this.channels.get(channel);
    if (!state) {
      state = { handlers: new Set(), listening: false, chain: Promise.resolve() };
      this.channels.set(channel, state);
    }
    // A wrapper of its own, so the same handler subscribed twice is unsubscribed once per call.
    const entry: LiveHandler = (message) => handler(message);
    state.handlers.add(entry);
    try {
      await this.sync(channel, state);
    } catch (error) {
      state.handlers.delete(entry);
      throw error;
    }
    this.events.emit('subscribed', channel);
    let active = true;
    const subscribed = state;
    return async () => {
      if (!active) return;
      active = false;
      subscribed.handlers.delete(entry);
      await this.sync(channel, subscribed).catch((error: unknown) =>
        logger.warn(`unsubscribing ${channel} failed: ${String(error)}`),
      );
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.channels.clear();
    await this.transport.close();
  }

  private sync(channel: string, state: ChannelState): Promise<void> {
    const run = state.chain.then(async () => {
      if (this.closed) return;
      const wanted = state.handlers.size > 0;
      if (wanted && !state.listening) {
        await this.transport.listen(channel);
        state.listening = true;
      } else if (!wanted && state.listening) {
        state.listening = false;
        await this.transport.unlisten(channel);
      }
    });
    const settled = run.catch(() => undefined);
    state.chain = settled;
    void settled.then(() => {
      // Forget an idle channel, unless another subscribe came meanwhile.
      if (state.chain === settled && state.handlers.size === 0 && !state.listening) {
        if (this.channels.get(channel) === state) this.channels.delete(channel);
      }
    });
    return run;
  }

  private deliver(channel: string, payload: string): void {
    const state = this.channels.get(channel);
    if (!state?.handlers.size) return;
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      logger.warn(`ignored a message on ${channel} that is not JSON`);
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    for (const handler of [...state.handlers]) {
      try {
        handler(message);
      } catch (error) {
        logger.error(`a live-update handler of ${channel} failed: ${String(error)}`);
      }
    }
  }
}

/**
 * The one place that knows where live updates travel, like `createQueueBackend` for queues: Redis when
 * REDIS_URL is set; otherwise Postgres LISTEN/NOTIFY; in-process when the database is embedded, whose
 * socket server does not carry NOTIFY between connections (and whose API and worker share one process).
 */
export function createLivePubSub(
  config: Pick<RuntimeConfig, 'redisUrl' | 'databaseUrl' | 'embedded' | 'queuePrefix'>,
  sql: SqlRunner,
): LivePubSub {
  if (config.redisUrl) {
    const url = config.redisUrl;
    return new LivePubSub((deliver) => redisTransport(url, config.queuePrefix, deliver));
  }
  if (config.embedded) {
    return new LivePubSub((deliver) => inProcessTransport(`${config.databaseUrl}|${config.queuePrefix}`, deliver));
  }
  return new LivePubSub((deliver) => postgresTransport(config.databaseUrl, config.queuePrefix, sql, deliver));
}

/** Buses shared by every LivePubSub of this process with the same key: `npm start` runs API and worker side by side. */
const buses = new Map<string, EventEmitter>();

export function inProcessTransport(key: string, deliver: Deliver): LiveTransport {
  let bus = buses.get(key);
  if (!bus) {
    bus = new EventEmitter().setMaxListeners(0);
    buses.set(key, bus);
  }
  const shared = bus;
  const listeners = new Map<string, (payload: string) => void>();
  return {
    kind: 'in-process',
    async listen(channel) {
      if (listeners.has(channel)) return;
      const listener = (payload: string) => deliver(channel, payload);
      listeners.set(channel, listener);
      shared.on(channel, listener);
    },
    async unlisten(channel) {
      const listener = listeners.get(channel);
      if (!listener) return;
      listeners.delete(channel);
      shared.off(channel, listener);
    },
    async publish(channel, payload) {
      // A hop later, as over a network: subscribers never run on the publisher's stack.
      setImmediate(() => shared.emit(channel, payload));
    },
    async close() {
      for (const [channel, listener] of listeners) shared.off(channel, listener);
      listeners.clear();
    },
  };
}

function redisTransport(url: string, prefix: string, deliver: Deliver): LiveTransport {
  // Pub/sub ignores the db index of the URL: the prefix keeps deployments (and test runs) apart.
  const base = `${prefix}:live:`;
  // A connection in subscriber mode can do nothing else, hence two.
  const publisher = new IORedis(url, { lazyConnect: false });
  const subscriber = new IORedis(url, { lazyConnect: false, maxRetriesPerRequest: null });
  for (const [name, connection] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    // ioredis reconnects (and resubscribes) by itself; say so once per outage rather than per retry.
    let healthy = true;
    connection.on('ready', () => (healthy = true));
    connection.on('error', (error: Error) => {
      if (healthy) logger.warn(`Redis ${name} connection: ${error.message}`);
      healthy = false;
    });
  }
  subscriber.on('message', (channel: string, payload: string) => {
    if (channel.startsWith(base)) deliver(channel.slice(base.length), payload);
  });
  return {
    kind: 'redis',
    async listen(channel) {
      await subscriber.subscribe(base + channel);
    },
    async unlisten(channel) {
      await subscriber.unsubscribe(base + channel);
    },
    async publish(channel, payload) {
      await publisher.publish(base + channel, payload);
    },
    async close() {
      await Promise.all(
        [publisher, subscriber].map(async (connection) => {
          // quit() waits for a server that may never have answered; disconnect() does not.
          if (connection.status === 'ready') await connection.quit().catch(() => undefined);
          else connection.disconnect();
        }),
      );
    },
  };
}

function postgresTransport(databaseUrl: string, prefix: string, sql: SqlRunner, deliver: Deliver): LiveTransport {
  // Postgres channel names stop at 63 bytes: a prefix (41 at most) and a hash of the logical channel.
  const nameOf = (channel: string) =>
    `${prefix}_live_${createHash('sha256').update(channel).digest('hex').slice(0, 16)}`;
  const listened = new Map<string, string>();
  let client: Client | undefined;
  let connecting: Promise<Client> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let retryDelay = 500;
  let closed = false;

  const onNotification = (notification: Notification) => {
    const channel = listened.get(notification.channel);
    if (channel !== undefined && notification.payload !== undefined) deliver(channel, notification.payload);
  };

  const lost = (lostClient: Client, error?: Error) => {
    if (client !== lostClient) return;
    client = undefined;
    connecting = undefined;
    lostClient.removeAllListeners('notification');
    void lostClient.end().catch(() => undefined);
    if (closed) return;
    logger.warn(`LISTEN connection lost${error ? `: ${error.message}` : ''}; reconnecting`);
    scheduleReconnect();
  };

  const scheduleReconnect = () => {
    if (retry || closed || listened.size === 0) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(
        () => (retryDelay = 500),
        (error: unknown) => {
          logger.warn(`LISTEN connection failed: ${String(error)}`);
          retryDelay = Math.min(retryDelay * 2, 30_000);
          scheduleReconnect();
        },
      );
    }, retryDelay);
    retry.unref();
  };

  /** One dedicated connection holds every LISTEN of this process; a new one listens to them all again. */
  const connect = (): Promise<Client> => {
    connecting ??= (async () => {
      const fresh = new Client({ connectionString: databaseUrl, application_name: 'docket-live' });
      fresh.on('notification', onNotification);
      fresh.on('error', (error: Error) => lost(fresh, error));
      fresh.on('end', () => lost(fresh));
      try {
        await fresh.connect();
        for (const name of listened.keys()) await fresh.query(`LISTEN ${fresh.escapeIdentifier(name)}`);
      } catch (error) {
        fresh.removeAllListeners();
        fresh.on('error', () => undefined);
        await fresh.end().catch(() => undefined);
        throw error;
      }
      if (closed) {
        await fresh.end().catch(() => undefined);
        throw new Error('Live updates are shut down');
      }
      client = fresh;
      return fresh;
    })().catch((error: unknown) => {
      connecting = undefined;
      throw error;
    });
    return connecting;
  };

  return {
    kind: 'postgres',
    async listen(channel) {
      const name = nameOf(channel);
      listened.set(name, channel);
      try {
        const listener = client ?? (await connect());
        await listener.query(`LISTEN ${listener.escapeIdentifier(name)}`);
      } catch (error) {
        listened.delete(name);
        throw error;
      }
    },
    async unlisten(channel) {
      const name = nameOf(channel);
      listened.delete(name);
      if (client) await client.query(`UNLISTEN ${client.escapeIdentifier(name)}`);
    },
    async publish(channel, payload) {
      if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES) {
        throw new Error(`Live message on ${channel} exceeds NOTIFY's ${MAX_NOTIFY_BYTES} bytes: send ids only`);
      }
      await sql.query('SELECT pg_notify($1, $2)', [nameOf(channel), payload]);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client ?? (await connecting?.catch(() => undefined));
      client = undefined;
      connecting = undefined;
      listened.clear();
      if (current) {
        current.removeAllListeners('notification');
        await current.end().catch(() => undefined);
      }
    },
  };
}

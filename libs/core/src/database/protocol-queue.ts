import type { PGlite } from '@electric-sql/pglite';

/** Frontend message types of the extended query protocol: a sequence of them runs until Sync. */
const EXTENDED = new Set([
  0x50 /* Parse */, 0x42 /* Bind */, 0x44 /* Describe */, 0x45 /* Execute */, 0x43 /* Close */, 0x48 /* Flush */,
]);
const SYNC = 0x53;
const SIMPLE_QUERY = 0x51;

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Feeds the messages of many socket connections to PGlite's one session without mixing them up.
 *
 * PGlite has a single session, so the unnamed prepared statement and portal are shared by every
 * connection: a Parse from one client between another client's Parse and Bind breaks the latter
 * ("unnamed prepared statement does not exist"). This queue gives the session to one connection from
 * its first extended-protocol message until its Sync, and for as long as it holds a transaction open;
 * other connections' messages wait their turn. It stands in for pglite-socket's own queue (the socket
 * handler takes any queue through its `queryQueue` option).
 */
export class ProtocolQueue {
  private readonly pending: Pending[] = [];
  private processing = false;
  /** The connection the session belongs to right now, if any. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.pending.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const item = this.pending[i]!;
      if (item.handlerId !== handlerId) continue;
      this.pending.splice(i, 1);
      item.reject(new Error('connection closed'));
    }
  }

  /** A connection that went away mid-sequence or mid-transaction gives the session back (rolling back). */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    await this.drain();
  }

  private async drain(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        const index = this.owner === null ? 0 : this.pending.findIndex((item) => item.handlerId === this.owner);
        if (index < 0 || index >= this.pending.length) break;
        const [item] = this.pending.splice(index, 1);
        await this.run(item!);
      }
    } finally {
      this.processing = false;
    }
  }

  private async run(item: Pending): Promise<void> {
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(item.message, {
          onRawData: (data) => {
            bytes += data.length;
            item.onData(data);
          },
        }),
      );
    } catch (error) {
      this.owner = null;
      item.reject(error);
      return;
    }
    const type = item.message[0]!;
    if (EXTENDED.has(type)) this.owner = item.handlerId;
    else if (type === SYNC || type === SIMPLE_QUERY) this.owner = this.db.isInTransaction() ? item.handlerId : null;
    item.resolve(bytes);
  }
}

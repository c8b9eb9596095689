import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  raw: string;
}

/** A real SMTP server in the test process; `refuse` makes it answer 451 until `accept` is called. */
export class TestSmtpServer extends EventEmitter {
  readonly received: ReceivedEmail[] = [];
  private refusing = false;
  /** Sessions whose client went away: what they were sending was never accepted, so it is not received. */
  private readonly closed = new Set<string>();
  /** Holds each message this long before answering, so a test can act while a send is under way. */
  delayMs = 0;
  private server: SMTPServer;
  url = '';

  constructor() {
    super();
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onClose: (session) => this.closed.add(session.id),
      onData: (stream, session, callback) => {
        this.emit('receiving');
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        const answer = () => {
          if (this.closed.has(session.id)) return;
          if (this.refusing) {
            callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
            return;
          }
          const email = parseEmail(raw, session.envelope);
          this.received.push(email);
          callback();
          this.emit('email', email);
        };
        stream.on('end', () => (this.delayMs ? setTimeout(answer, this.delayMs) : answer()));
      },
    });
  }

  async start(): Promise<this> {
    // A client killed mid-message resets its connection; a real server shrugs that off, and so does this one.
    this.server.on('error', () => undefined);
    this.setMaxListeners(0);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    this.url = `smtp://127.0.0.1:${port}`;
    return this;
  }

  refuse(): void {
    this.refusing = true;
  }

  accept(): void {
    this.refusing = false;
  }

  /** Resolves with the first email (already received or still to come) that matches. */
  waitFor(match: (email: ReceivedEmail) => boolean): Promise<ReceivedEmail> {
    const found = this.received.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const listener = (email: ReceivedEmail) => {
        if (!match(email)) return;
        this.off('email', listener);
        resolve(email);
      };
      this.on('email', listener);
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function header(raw: string, name: string): string {
  const match = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return match ? match[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : '';
}

/** Enough MIME for plain-text test mail: headers, and the body after the blank line (quoted-printable decoded). */
function parseEmail(raw: string, envelope: { mailFrom: false | { address: string }; rcptTo: { address: string }[] }) {
  const split = raw.search(/\r?\n\r?\n/);
  const body = split >= 0 ? raw.slice(split).replace(/^\r?\n\r?\n/, '') : '';
  const quotedPrintable = /quoted-printable/i.test(header(raw, 'Content-Transfer-Encoding'));
  const text = quotedPrintable
    ? body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : body;
  return {
    from: envelope.mailFrom ? envelope.mailFrom.address : '',
    to: envelope.rcptTo.map((rcpt) => rcpt.address),
    subject: decodeHeader(header(raw, 'Subject')),
    messageId: header(raw, 'Message-ID'),
    text: Buffer.from(text, 'latin1').toString('utf8'),
    raw,
  };
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=` / `=?UTF-8?B?…?=`), which nodemailer uses for non-ASCII subjects. */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, encoding: string, data: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

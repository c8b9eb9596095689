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
  private server: SMTPServer;
  url = '';

  constructor() {
    super();
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => {
          if (this.refusing) {
            const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
            callback(error);
            return;
          }
          const email = parseEmail(raw, session.envelope);
          this.received.push(email);
          callback();
          this.emit('email', email);
        });
      },
    });
  }

  async start(): Promise<this> {
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

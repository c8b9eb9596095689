import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

import { DOCKET_CONFIG, type RuntimeConfig } from '../config/config.module';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Stable per delivery, so a receiving server (or a person) can tell a retry from a new message. */
  messageId: string;
}

/** Email through SMTP (SMTP_URL); without it, each email is written to the log instead. */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | undefined;

  constructor(@Inject(DOCKET_CONFIG) private readonly config: RuntimeConfig) {
    this.transport = config.smtpUrl
      ? createTransport(config.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
      : undefined;
  }

  /** Resolves once the server accepted the message; rejects (for the job to retry) otherwise. */
  async send(email: OutgoingEmail): Promise<void> {
    if (!this.transport) {
      this.logger.log({ email: { to: email.to, subject: email.subject, text: email.text } }, 'email (SMTP_URL unset)');
      return;
    }
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: email.messageId,
    });
  }

  /** After module destroy, when workers have finished the sends they had in hand. */
  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

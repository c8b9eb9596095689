import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DOCKET_CONFIG, type RuntimeConfig } from '../config/config.module';
import { MailService } from '../mail/mail.service';
import { getMetrics } from '../metrics/metrics';
import { staleDeliveries } from './stale-deliveries';

interface ClaimedDelivery {
  id: string;
  to_address: string;
  subject: string;
  body: string;
}

export class DeliveryClaimedElsewhere extends Error {
  constructor(deliveryId: string) {
    super(`email delivery ${deliveryId} is being sent by another worker`);
  }
}

/**
 * Sends one recorded email. A delivery is claimed before the SMTP conversation (never under an open
 * transaction) and marked SENT after it; a SENT delivery is never sent again, and a failed send stays
 * PENDING for the job's next attempt.
 */
@Injectable()
export class EmailSender {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    @Inject(DOCKET_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** `sent`: delivered now; `done`: it had been sent before. Throws (for a retry) when the send failed. */
  async send(deliveryId: string): Promise<'sent' | 'done'> {
    const claimed = (await this.dataSource.query(
      `UPDATE email_deliveries SET status = 'SENDING', claimed_until = now() + $2 * interval '1 millisecond',
              attempts = attempts + 1
        WHERE id = $1 AND (status = 'PENDING' OR (status = 'SENDING' AND claimed_until < now()))
        RETURNING id, to_address, subject, body`,
      // A claim lasts as long as a job lock: a worker that dies mid-send gives it up when its job is retried.
      [deliveryId, this.config.jobLockMs],
    )) as [ClaimedDelivery[], number];
    const delivery = claimed[0]?.[0];
    if (!delivery) {
      const [row] = (await this.dataSource.query(`SELECT status FROM email_deliveries WHERE id = $1`, [
        deliveryId,
      ])) as [{ status: string }?];
      if (!row || row.status === 'SENT' || row.status === 'FAILED') return 'done';
      throw new DeliveryClaimedElsewhere(deliveryId);
    }
    try {
      await this.mail.send({
        to: delivery.to_address,
        subject: delivery.subject,
        text: delivery.body,
        messageId: `<${delivery.id}@docket>`,
      });
    } catch (error) {
      await this.dataSource.query(
        `UPDATE email_deliveries SET status = 'PENDING', claimed_until = NULL, last_error = $2 WHERE id = $1`,
        [delivery.id, (error as Error).message.slice(0, 1000)],
      );
      getMetrics().emails.inc({ outcome: 'failed' });
      throw error;
    }
    await this.dataSource.query(
      `UPDATE email_deliveries SET status = 'SENT', sent_at = now(), claimed_until = NULL, last_error = NULL WHERE id = $1`,
      [delivery.id],
    );
    getMetrics().emails.inc({ outcome: 'sent' });
    return 'sent';
  }

  /** Gives up on a delivery whose job ran out of attempts (kept for the record, reported in metrics). */
  async markFailed(deliveryId: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_deliveries SET status = 'FAILED', claimed_until = NULL, last_error = $2 WHERE id = $1 AND status <> 'SENT'`,
      [deliveryId, error.slice(0, 1000)],
    );
  }

  /** Deliveries left unsent longer than `olderThanMs` (their job lost with a queue): for reconcile to requeue. */
  stale(olderThanMs: number, limit = 500): Promise<string[]> {
    return staleDeliveries(this.dataSource, 'email_deliveries', olderThanMs, limit);
  }
}

import { WEBHOOK_DISABLE_AFTER_FAILURES, WEBHOOK_MAX_ATTEMPTS, type WebhookEvent } from '@docket/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DOCKET_CONFIG, type RuntimeConfig } from '../config/config.module';
import { NotificationsService } from '../notifications/notifications.service';
import {
  checkPublicHost,
  postWebhook,
  type WebhookAttempt,
  webhookHeaders,
  webhookSignature,
} from './webhook-http.util';

interface ClaimedDelivery {
  id: string;
  webhook_id: string;
  event: WebhookEvent;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

export class WebhookDeliveryClaimedElsewhere extends Error {
  constructor(deliveryId: string) {
    super(`webhook delivery ${deliveryId} is being sent by another worker`);
  }
}

/** Thrown so that the job retries (or, after the last attempt, ends failed). */
export class WebhookAttemptFailed extends Error {
  constructor(
    readonly deliveryId: string,
    readonly attempt: WebhookAttempt,
    readonly final: boolean,
  ) {
    super(`webhook delivery ${deliveryId} failed: ${attempt.error}${final ? ' (last attempt)' : ''}`);
  }
}

/**
 * POSTs one recorded webhook delivery. It is claimed (one statement) before the request and updated
 * after it, never under an open transaction. 2xx: SENT, and the webhook's failure streak resets. Otherwise
 * PENDING again and a throw for the job's retry; after the last attempt FAILED, and the webhook that fails
 * WEBHOOK_DISABLE_AFTER_FAILURES deliveries in a row is disabled, its team's ADMINs told in-app.
 */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger('Webhooks');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCKET_CONFIG) private readonly config: RuntimeConfig,
    private readonly notifications: NotificationsService,
  ) {}

  /** `sent`: delivered now; `done`: nothing (left) to do. Throws when the attempt failed. */
  async send(deliveryId: string): Promise<'sent' | 'done'> {
    const [claimed] = (await this.dataSource.query(
      `UPDATE webhook_deliveries d SET status = 'SENDING', attempts = d.attempts + 1,
              claimed_until = now() + $2 * interval '1 millisecond'
         FROM webhooks w
        WHERE d.id = $1 AND w.id = d.webhook_id AND w.enabled
          AND (d.status = 'PENDING' OR (d.status = 'SENDING' AND d.claimed_until < now()))
        RETURNING d.id, d.webhook_id, d.event, d.body, d.attempts, w.url, w.secret`,
      // A claim lasts as long as a job lock (longer than the request's timeout): a worker that dies
      // mid-request gives it up when its job is retried.
      [deliveryId, this.config.jobLockMs],
    )) as [ClaimedDelivery[], number];
    const delivery = claimed[0];
    if (!delivery) return this.notClaimed(deliveryId);

    const attempt = await this.attempt(delivery);
    if (attempt.ok) {
      await this.dataSource.query(
        `WITH sent AS (
           UPDATE webhook_deliveries SET status = 'SENT', response_code = $2, last_error = NULL, claimed_until = NULL,
                  delivered_at = now()
            WHERE id = $1 RETURNING webhook_id)
         UPDATE webhooks SET consecutive_failures = 0 FROM sent WHERE webhooks.id = sent.webhook_id`,
        [delivery.id, attempt.responseCode],
      );
      return 'sent';
    }
    const final = delivery.attempts >= WEBHOOK_MAX_ATTEMPTS;
    if (final) await this.giveUp(delivery, attempt);
    else {
      await this.dataSource.query(
        `UPDATE webhook_deliveries SET status = 'PENDING', claimed_until = NULL, response_code = $2, last_error = $3
          WHERE id = $1`,
        [delivery.id, attempt.responseCode, attempt.error],
      );
    }
    throw new WebhookAttemptFailed(delivery.id, attempt, final);
  }

  private async attempt(delivery: ClaimedDelivery): Promise<WebhookAttempt> {
    // Checked again at send time: what a name resolves to may have changed since the webhook was created.
    if (!this.config.webhookAllowPrivateNetworks) {
      const check = await checkPublicHost(new URL(delivery.url).hostname.replace(/^\[(.*)\]$/, '$1'));
      if (!check.ok) return { ok: false, responseCode: null, error: check.reason };
    }
    return postWebhook({
      url: delivery.url,
      body: delivery.body,
      headers: webhookHeaders(delivery.event, delivery.id, webhookSignature(delivery.secret, delivery.body)),
    });
  }

  /** Not claimable: done before, deleted, under way elsewhere, or its webhook disabled meanwhile. */
  private async notClaimed(deliveryId: string): Promise<'done'> {
    const [row] = (await this.dataSource.query(
      `SELECT d.status, w.enabled FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = $1`,
      [deliveryId],
    )) as Array<{ status: string; enabled: boolean }>;
    if (!row || row.status === 'SENT' || row.status === 'FAILED') return 'done';
    if (!row.enabled) {
      await this.dataSource.query(
        `UPDATE webhook_deliveries SET status = 'FAILED', claimed_until = NULL, last_error = 'the webhook is disabled'
          WHERE id = $1 AND status IN ('PENDING', 'SENDING')`,
        [deliveryId],
      );
      return 'done';
    }
    throw new WebhookDeliveryClaimedElsewhere(deliveryId);
  }

  /** The last attempt failed: FAILED, one more failure in the webhook's streak, and at the limit, disabled. */
  private async giveUp(delivery: ClaimedDelivery, attempt: WebhookAttempt): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, failed] = (await manager.query(
        `UPDATE webhook_deliveries SET status = 'FAILED', claimed_until = NULL, response_code = $2, last_error = $3
          WHERE id = $1 AND status = 'SENDING'`,
        [delivery.id, attempt.responseCode, attempt.error],
      )) as [unknown[], number];
      if (!failed) return;
      const [webhook] = (await manager.query(
        `SELECT w.id, w.url, w.enabled, w.consecutive_failures, w.team_id, t.key AS team_key
           FROM webhooks w JOIN teams t ON t.id = w.team_id WHERE w.id = $1 FOR UPDATE OF w`,
        [delivery.webhook_id],
      )) as Array<{
        id: string;
        url: string;
        enabled: boolean;
        consecutive_failures: number;
        team_id: string;
        team_key: string;
      }>;
      if (!webhook) return;
      const failures = webhook.consecutive_failures + 1;
      const disable = webhook.enabled && failures >= WEBHOOK_DISABLE_AFTER_FAILURES;
      await manager.query(`UPDATE webhooks SET consecutive_failures = $2, enabled = enabled AND NOT $3 WHERE id = $1`, [
        webhook.id,
        failures,
        disable,
      ]);
      if (!disable) return;
      this.logger.warn({ webhookId: webhook.id, failures }, 'webhook disabled after failing in a row');
      const admins = (await manager.query(
        `SELECT u.id, u.email, u.email_notifications FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.team_id = $1 AND m.role = 'ADMIN'`,
        [webhook.team_id],
      )) as Array<{ id: string; email: string; email_notifications: boolean }>;
      const title = `[${webhook.team_key}] Webhook disabled: ${webhook.url}`;
      await this.notifications.deliver(
        manager,
        admins.map((admin) => ({ id: admin.id, email: admin.email, emailNotifications: admin.email_notifications })),
        {
          kind: 'WEBHOOK_DISABLED',
          teamId: webhook.team_id,
          recommendationId: null,
          title,
          body:
            `${failures} deliveries to ${webhook.url} failed in a row (the last: ${attempt.error}), so the webhook ` +
            `was disabled and gets no more events. Once the receiver works, delete the webhook and create it again.`,
          // Once per webhook: a disabled webhook is never enabled again.
          key: `webhook-disabled-${webhook.id}`,
          channels: ['IN_APP'],
        },
      );
    });
  }
}

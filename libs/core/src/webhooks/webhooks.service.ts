import { randomUUID } from 'node:crypto';

import { type RecommendationEntity, type TeamEntity, WebhookDeliveryEntity, WebhookEntity } from '@docket/data';
import {
  type ActivityKind,
  assertPageSize,
  badInput,
  conflict,
  decide,
  type FieldChange,
  findState,
  notFound,
  parseWebhookInput,
  type Role,
  WEBHOOK_MAX_ATTEMPTS,
  webhookEventOf,
} from '@docket/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

import { DOCKET_CONFIG, type RuntimeConfig } from '../config/config.module';
import { AfterCommit } from '../events/after-commit';
import { staleDeliveries } from '../notifications/stale-deliveries';
import { QueueService } from '../queues/queues.module';
import { TeamAccessService } from '../teams/team-access.service';
import { buildDeliveryBody } from './webhook-body';
import { checkPublicHost } from './webhook-http.util';

export interface CreateWebhookRequest {
  teamKey: string;
  url: string;
  events: readonly string[];
  secret: string;
}

/** An `activities` row as the fan-out reads it. */
export interface WebhookActivity {
  id: string;
  kind: ActivityKind;
  actor_id: string | null;
  changes: FieldChange[];
  created_at: Date;
}

/** A delivery's job: a live job per delivery at most (its id), removed once done so a redelivery can queue again. */
export function webhookJobOptions(retryBaseMs: number) {
  return {
    attempts: WEBHOOK_MAX_ATTEMPTS,
    backoff: { type: 'exponential', delay: retryBaseMs },
    removeOnComplete: true,
    removeOnFail: true,
  } as const;
}

/** Webhooks of a team (ADMIN only), and the deliveries planned for them from committed activity. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DOCKET_CONFIG) private readonly config: RuntimeConfig,
    private readonly access: TeamAccessService,
    private readonly afterCommit: AfterCommit,
    private readonly queues: QueueService,
  ) {}

  /** ADMIN only. The URL must be http(s) and, unless private networks are allowed, resolve to public addresses only. */
  async create(actorId: string, request: CreateWebhookRequest): Promise<WebhookEntity> {
    // Access first: outsiders learn nothing, and nobody else makes the server resolve names.
    const team = await this.access.requireTeam(actorId, request.teamKey, 'MANAGE_TEAM');
    const input = parseWebhookInput(request);
    if (!this.config.webhookAllowPrivateNetworks) {
      const check = await checkPublicHost(input.url.host);
      if (!check.ok) throw badInput('input.url', check.reason);
    }
    const repository = this.dataSource.getRepository(WebhookEntity);
    return repository.save(
      repository.create({ teamId: team.id, url: input.url.href, events: input.events, secret: input.secret }),
    );
  }

  /** ADMIN of its team; anyone else gets NOT_FOUND, as they cannot see webhooks at all. */
  async delete(actorId: string, webhookId: string): Promise<boolean> {
    const webhook = await this.requireAdmin(actorId, webhookId);
    await this.dataSource.getRepository(WebhookEntity).delete({ id: webhook.id });
    return true;
  }

  /** A team's webhooks, oldest first. */
  listForTeam(teamId: string): Promise<WebhookEntity[]> {
    return this.dataSource.getRepository(WebhookEntity).find({ where: { teamId }, order: { createdAt: 'ASC' } });
  }

  /** The latest `first` deliveries of each webhook, newest first, in one statement for them all. */
  async latestDeliveries(webhookIds: readonly string[], first: number): Promise<Map<string, WebhookDeliveryEntity[]>> {
    const size = assertPageSize(first);
    const byWebhook = new Map<string, WebhookDeliveryEntity[]>(webhookIds.map((id) => [id, []]));
    if (!webhookIds.length || size === 0) return byWebhook;
    const ranked = (await this.dataSource.query(
      `SELECT id FROM (
         SELECT id, row_number() OVER (PARTITION BY webhook_id ORDER BY created_at DESC, id DESC) AS rank
           FROM webhook_deliveries WHERE webhook_id = ANY($1::uuid[])
       ) ranked WHERE rank <= $2`,
      [[...webhookIds], size],
    )) as Array<{ id: string }>;
    if (!ranked.length) return byWebhook;
    const rows = await this.dataSource.getRepository(WebhookDeliveryEntity).find({
      where: { id: In(ranked.map((row) => row.id)) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    for (const row of rows) byWebhook.get(row.webhookId)?.push(row);
    return byWebhook;
  }

  /**
   * Sends a delivery again, the same body under the same id: back to PENDING with its attempts from 0.
   * One still under way is left to finish. ADMIN of the webhook's team; others get NOT_FOUND.
   */
  async redeliver(actorId: string, deliveryId: string): Promise<WebhookDeliveryEntity> {
    const repository = this.dataSource.getRepository(WebhookDeliveryEntity);
    const delivery = await repository.findOneBy({ id: deliveryId });
    if (!delivery) throw notFound('Webhook delivery');
    const webhook = await this.requireAdmin(actorId, delivery.webhookId, 'Webhook delivery');
    if (!webhook.enabled) throw conflict('The webhook is disabled; create it again to resume deliveries');
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, response_code = NULL, last_error = NULL,
              claimed_until = NULL, delivered_at = NULL
        WHERE id = $1 AND status IN ('SENT', 'FAILED')`,
      [delivery.id],
    );
    await this.enqueue(delivery.id);
    return repository.findOneByOrFail({ id: delivery.id });
  }

  /**
   * Records one delivery for each enabled webhook of the team that subscribes to the activity's event,
   * inside the fan-out's transaction (so exactly when the activity is marked notified), and queues them
   * once it commits. Unique per webhook × activity: a repeated fan-out adds nothing.
   */
  async planDeliveries(
    manager: EntityManager,
    activity: WebhookActivity,
    recommendation: RecommendationEntity,
    team: TeamEntity,
  ): Promise<string[]> {
    const event = webhookEventOf(activity.kind);
    const hooks = (await manager.query(
      `SELECT id FROM webhooks WHERE team_id = $1 AND enabled AND $2 = ANY(events) ORDER BY created_at`,
      [team.id, event],
    )) as Array<{ id: string }>;
    if (!hooks.length) return [];
    const people = (await manager.query(`SELECT id, name, email FROM users WHERE id = ANY($1::uuid[])`, [
      [recommendation.ownerId, activity.actor_id].filter((id): id is string => id !== null),
    ])) as Array<{ id: string; name: string; email: string }>;
    const person = (id: string | null) => people.find((p) => p.id === id) ?? null;
    const state = findState(team.workflow, recommendation.stateKey);
    const ids = hooks.map(() => randomUUID());
    const bodies = ids.map((deliveryId) =>
      buildDeliveryBody({
        deliveryId,
        event,
        activity,
        team,
        recommendation,
        state: state ?? { key: recommendation.stateKey, name: recommendation.stateKey, category: 'UNSTARTED' },
        owner: person(recommendation.ownerId),
        actor: person(activity.actor_id),
      }),
    );
    const rows = (await manager.query(
      `INSERT INTO webhook_deliveries (id, webhook_id, activity_id, event, body)
       SELECT d, w, $3, $4, b FROM unnest($1::uuid[], $2::uuid[], $5::text[]) AS t(d, w, b)
       ON CONFLICT (webhook_id, activity_id) DO NOTHING
       RETURNING id`,
      [ids, hooks.map((hook) => hook.id), activity.id, event, bodies],
    )) as Array<{ id: string }>;
    const planned = rows.map((row) => row.id);
    this.afterCommit.run(manager, () => {
      for (const deliveryId of planned) void this.enqueue(deliveryId).catch(() => undefined);
    });
    return planned;
  }

  /** Idempotent while the delivery's job lives: the job id is the delivery's (reconcile catches what is lost). */
  enqueue(deliveryId: string) {
    return this.queues.add(
      'webhooks',
      'deliver',
      { deliveryId },
      { jobId: `webhook-${deliveryId}`, ...webhookJobOptions(this.config.webhookRetryBaseMs) },
    );
  }

  /** Deliveries unsent for longer than `olderThanMs` with no worker holding them: for reconcile to queue again. */
  stale(olderThanMs: number, limit = 500): Promise<string[]> {
    return staleDeliveries(this.dataSource, 'webhook_deliveries', olderThanMs, limit);
  }

  /** The webhook, when the actor is an ADMIN of its team; NOT_FOUND for everyone else. */
  private async requireAdmin(actorId: string, webhookId: string, what = 'Webhook'): Promise<WebhookEntity> {
    const { entities, raw } = await this.dataSource
      .getRepository(WebhookEntity)
      .createQueryBuilder('webhook')
      .leftJoin('memberships', 'm', 'm.team_id = webhook.team_id AND m.user_id = :actorId', { actorId })
      .addSelect('m.role', 'viewer_role')
      .where('webhook.id = :webhookId', { webhookId })
      .getRawAndEntities<{ viewer_role: Role | null }>();
    const webhook = entities[0];
    if (!webhook || decide({ role: raw[0]?.viewer_role ?? null }, 'MANAGE_TEAM') !== 'ALLOWED') throw notFound(what);
    return webhook;
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks and their deliveries (each the exact body signed and sent, unique per webhook × activity). */
export class Webhooks1765000000000 implements MigrationInterface {
  name = 'Webhooks1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhooks" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "team_id" uuid NOT NULL,
        "url" character varying(2000) NOT NULL,
        "events" text array NOT NULL,
        "secret" character varying(200) NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "consecutive_failures" integer NOT NULL DEFAULT 0,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_webhooks" PRIMARY KEY ("id"),
        CONSTRAINT "webhooks_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "webhooks_team_id_idx" ON "webhooks" ("team_id")`);

    await queryRunner.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "webhook_id" uuid NOT NULL,
        "activity_id" uuid,
        "event" character varying(32) NOT NULL,
        "body" text NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'PENDING',
        "attempts" integer NOT NULL DEFAULT 0,
        "response_code" integer,
        "last_error" text,
        "claimed_until" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "delivered_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id")
          REFERENCES "webhooks"("id") ON DELETE CASCADE,
        CONSTRAINT "webhook_deliveries_activity_id_fkey" FOREIGN KEY ("activity_id")
          REFERENCES "activities"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "webhook_deliveries_webhook_id_activity_id_key" ON "webhook_deliveries" ("webhook_id", "activity_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_webhook_id_created_at_idx" ON "webhook_deliveries" ("webhook_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_activity_id_idx" ON "webhook_deliveries" ("activity_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_unsent_idx" ON "webhook_deliveries" ("created_at") WHERE "status" IN ('PENDING', 'SENDING')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhooks"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminder policies and cursors, in-app notifications, email deliveries and sent reminders. */
export class NotificationsReminders1764800000000 implements MigrationInterface {
  name = 'NotificationsReminders1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "teams" ADD "reminder_policy" jsonb`);
    await queryRunner.query(`ALTER TABLE "recommendations" ADD "reminder_cursor" TIMESTAMP WITH TIME ZONE`);
    // Existing deadlines start from now: nothing that fell due before reminders existed is sent late.
    await queryRunner.query(`UPDATE "recommendations" SET "reminder_cursor" = now() WHERE "due_at" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "activities" ADD "notified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "activities" SET "notified_at" = "created_at"`);
    await queryRunner.query(
      `CREATE INDEX "activities_unnotified_idx" ON "activities" ("notified_at") WHERE "notified_at" IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "notifications" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "team_id" uuid NOT NULL,
        "recommendation_id" uuid,
        "kind" character varying(32) NOT NULL,
        "title" character varying(500) NOT NULL,
        "body" text NOT NULL,
        "dedupe_key" character varying(200) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "read_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_notifications" PRIMARY KEY ("id"),
        CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "notifications_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE,
        CONSTRAINT "notifications_recommendation_id_fkey" FOREIGN KEY ("recommendation_id")
          REFERENCES "recommendations"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "notifications_dedupe_key_key" ON "notifications" ("dedupe_key")`);
    await queryRunner.query(
      `CREATE INDEX "notifications_user_id_created_at_id_idx" ON "notifications" ("user_id", "created_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "notifications_team_id_idx" ON "notifications" ("team_id")`);
    await queryRunner.query(
      `CREATE INDEX "notifications_recommendation_id_idx" ON "notifications" ("recommendation_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "email_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "dedupe_key" character varying(200) NOT NULL,
        "user_id" uuid NOT NULL,
        "to_address" character varying(320) NOT NULL,
        "subject" character varying(500) NOT NULL,
        "body" text NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'PENDING',
        "attempts" integer NOT NULL DEFAULT 0,
        "claimed_until" TIMESTAMP WITH TIME ZONE,
        "last_error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_email_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "email_deliveries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "email_deliveries_dedupe_key_key" ON "email_deliveries" ("dedupe_key")`,
    );
    await queryRunner.query(`CREATE INDEX "email_deliveries_user_id_idx" ON "email_deliveries" ("user_id")`);
    await queryRunner.query(
      `CREATE INDEX "email_deliveries_unsent_idx" ON "email_deliveries" ("created_at") WHERE "status" IN ('PENDING', 'SENDING')`,
    );

    await queryRunner.query(`
      CREATE TABLE "sent_reminders" (
        "occurrence_key" character varying(200) NOT NULL,
        "subject_id" uuid NOT NULL,
        "kind" character varying(16) NOT NULL,
        "fire_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_sent_reminders" PRIMARY KEY ("occurrence_key")
      )`);
    await queryRunner.query(`CREATE INDEX "sent_reminders_subject_id_idx" ON "sent_reminders" ("subject_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sent_reminders"`);
    await queryRunner.query(`DROP TABLE "email_deliveries"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "activities_unnotified_idx"`);
    await queryRunner.query(`ALTER TABLE "activities" DROP COLUMN "notified_at"`);
    await queryRunner.query(`ALTER TABLE "recommendations" DROP COLUMN "reminder_cursor"`);
    await queryRunner.query(`ALTER TABLE "teams" DROP COLUMN "reminder_policy"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stakeholders (RACI), action items, comments with their mentions, and activity's link to its comment. */
export class StakeholdersActionItemsComments1764600000000 implements MigrationInterface {
  name = 'StakeholdersActionItemsComments1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "stakeholders" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "recommendation_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "role" character varying(16) NOT NULL,
        "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_stakeholders" PRIMARY KEY ("id"),
        CONSTRAINT "stakeholders_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendations"("id") ON DELETE CASCADE,
        CONSTRAINT "stakeholders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    // Leads with recommendation_id, so it also serves the lookups by recommendation.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "stakeholders_recommendation_id_user_id_key" ON "stakeholders" ("recommendation_id", "user_id")`,
    );
    await queryRunner.query(`CREATE INDEX "stakeholders_user_id_idx" ON "stakeholders" ("user_id")`);

    await queryRunner.query(`
      CREATE TABLE "action_items" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "recommendation_id" uuid NOT NULL,
        "team_id" uuid NOT NULL,
        "title" character varying(300) NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'TODO',
        "assignee_id" uuid,
        "due_at" TIMESTAMP WITH TIME ZONE,
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "position" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_action_items" PRIMARY KEY ("id"),
        CONSTRAINT "action_items_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendations"("id") ON DELETE CASCADE,
        CONSTRAINT "action_items_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE,
        CONSTRAINT "action_items_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "action_items_recommendation_id_position_idx" ON "action_items" ("recommendation_id", "position")`,
    );
    await queryRunner.query(`CREATE INDEX "action_items_team_id_idx" ON "action_items" ("team_id")`);
    await queryRunner.query(`CREATE INDEX "action_items_assignee_id_idx" ON "action_items" ("assignee_id")`);

    await queryRunner.query(`
      CREATE TABLE "comments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "recommendation_id" uuid NOT NULL,
        "team_id" uuid NOT NULL,
        "author_id" uuid NOT NULL,
        "parent_id" uuid,
        "body" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
        "edited_at" TIMESTAMP WITH TIME ZONE,
        "deleted_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_comments" PRIMARY KEY ("id"),
        CONSTRAINT "comments_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendations"("id") ON DELETE CASCADE,
        CONSTRAINT "comments_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE,
        CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comments"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "comments_recommendation_id_created_at_id_idx" ON "comments" ("recommendation_id", "created_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "comments_team_id_idx" ON "comments" ("team_id")`);
    await queryRunner.query(`CREATE INDEX "comments_author_id_idx" ON "comments" ("author_id")`);
    await queryRunner.query(`CREATE INDEX "comments_parent_id_idx" ON "comments" ("parent_id")`);

    await queryRunner.query(`
      CREATE TABLE "comment_mentions" (
        "comment_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        CONSTRAINT "PK_comment_mentions" PRIMARY KEY ("comment_id", "user_id"),
        CONSTRAINT "comment_mentions_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE,
        CONSTRAINT "comment_mentions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "comment_mentions_user_id_idx" ON "comment_mentions" ("user_id")`);

    // activities.comment_id has been there since recommendations; now it can point somewhere.
    await queryRunner.query(
      `ALTER TABLE "activities" ADD CONSTRAINT "activities_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE SET NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "activities" DROP CONSTRAINT "activities_comment_id_fkey"`);
    await queryRunner.query(`DROP TABLE "comment_mentions"`);
    await queryRunner.query(`DROP TABLE "comments"`);
    await queryRunner.query(`DROP TABLE "action_items"`);
    await queryRunner.query(`DROP TABLE "stakeholders"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contract's default workflow as it stood when this migration was written, for teams that existed
 * before workflows did. Frozen here on purpose: a migration must not change when DEFAULT_WORKFLOW does.
 */
export const WORKFLOW_BACKFILL = {
  states: [
    { key: 'PROPOSED', name: 'Proposed', category: 'UNSTARTED' },
    { key: 'ACCEPTED', name: 'Accepted', category: 'UNSTARTED' },
    { key: 'IN_PROGRESS', name: 'In progress', category: 'STARTED' },
    { key: 'BLOCKED', name: 'Blocked', category: 'STARTED' },
    { key: 'IMPLEMENTED', name: 'Implemented', category: 'COMPLETED' },
    { key: 'DEFERRED', name: 'Deferred', category: 'BACKLOG' },
    { key: 'REJECTED', name: 'Rejected', category: 'CANCELED' },
  ],
  transitions: [
    ['PROPOSED', 'ACCEPTED', false, false, false],
    ['PROPOSED', 'REJECTED', false, true, false],
    ['PROPOSED', 'DEFERRED', false, false, false],
    ['DEFERRED', 'PROPOSED', false, false, false],
    ['ACCEPTED', 'IN_PROGRESS', true, false, false],
    ['ACCEPTED', 'DEFERRED', false, false, false],
    ['IN_PROGRESS', 'BLOCKED', true, true, false],
    ['BLOCKED', 'IN_PROGRESS', true, false, false],
    ['IN_PROGRESS', 'IMPLEMENTED', true, true, true],
    ['IMPLEMENTED', 'IN_PROGRESS', false, true, false],
  ].map(([from, to, allowOwner, requiresComment, requiresActionItemsDone]) => ({
    from,
    to,
    allowedRoles: ['ADMIN', 'MANAGER'],
    allowOwner,
    requiresComment,
    requiresActionItemsDone,
  })),
  initialState: 'PROPOSED',
};

const SEARCH_EXPRESSION = `to_tsvector('english', coalesce(title, '') || ' ' || coalesce(description, ''))`;

/** Team workflows and recommendation numbering, recommendations (with full-text search) and their activity. */
export class Recommendations1764500000000 implements MigrationInterface {
  name = 'Recommendations1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Existing teams get the default; new ones are given theirs by createTeam, so the column has no default.
    await queryRunner.query(`ALTER TABLE "teams" ADD "workflow" jsonb`);
    await queryRunner.query(`UPDATE "teams" SET "workflow" = $1::jsonb`, [JSON.stringify(WORKFLOW_BACKFILL)]);
    await queryRunner.query(`ALTER TABLE "teams" ALTER COLUMN "workflow" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "teams" ADD "next_recommendation_number" integer NOT NULL DEFAULT 1`);

    await queryRunner.query(`
      CREATE TABLE "recommendations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "team_id" uuid NOT NULL,
        "number" integer NOT NULL,
        "title" character varying(300) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "priority" character varying(16) NOT NULL DEFAULT 'NONE',
        "labels" text array NOT NULL DEFAULT '{}',
        "owner_id" uuid,
        "due_at" TIMESTAMP WITH TIME ZONE,
        "state_key" character varying(50) NOT NULL,
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "snoozed_until" TIMESTAMP WITH TIME ZONE,
        "version" integer NOT NULL DEFAULT 1,
        "created_by_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "search" tsvector GENERATED ALWAYS AS (${SEARCH_EXPRESSION}) STORED,
        CONSTRAINT "PK_recommendations" PRIMARY KEY ("id"),
        CONSTRAINT "recommendations_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE,
        CONSTRAINT "recommendations_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL,
        CONSTRAINT "recommendations_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "recommendations_team_id_number_key" ON "recommendations" ("team_id", "number")`,
    );
    await queryRunner.query(
      `CREATE INDEX "recommendations_team_id_state_key_idx" ON "recommendations" ("team_id", "state_key")`,
    );
    await queryRunner.query(`CREATE INDEX "recommendations_owner_id_idx" ON "recommendations" ("owner_id")`);
    await queryRunner.query(`CREATE INDEX "recommendations_due_at_idx" ON "recommendations" ("due_at")`);
    await queryRunner.query(`CREATE INDEX "recommendations_search_idx" ON "recommendations" USING GIN ("search")`);

    // TypeORM reads generated columns' expressions from its metadata table when it diffs the schema
    // (migration:generate); this is the row it would have written itself.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "typeorm_metadata" (
        "type" character varying NOT NULL,
        "database" character varying,
        "schema" character varying,
        "table" character varying,
        "name" character varying,
        "value" text
      )`);
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value")
       VALUES (current_database(), current_schema(), 'recommendations', 'GENERATED_COLUMN', 'search', $1)`,
      [SEARCH_EXPRESSION],
    );

    await queryRunner.query(`
      CREATE TABLE "activities" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "recommendation_id" uuid NOT NULL,
        "team_id" uuid NOT NULL,
        "actor_id" uuid,
        "kind" character varying(32) NOT NULL,
        "changes" jsonb NOT NULL DEFAULT '[]',
        "comment_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "PK_activities" PRIMARY KEY ("id"),
        CONSTRAINT "activities_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendations"("id") ON DELETE CASCADE,
        CONSTRAINT "activities_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE,
        CONSTRAINT "activities_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "activities_recommendation_id_created_at_id_idx" ON "activities" ("recommendation_id", "created_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "activities_team_id_idx" ON "activities" ("team_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "activities"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'recommendations' AND "name" = 'search'`,
    );
    await queryRunner.query(`DROP TABLE "recommendations"`);
    await queryRunner.query(`ALTER TABLE "teams" DROP COLUMN "next_recommendation_number"`);
    await queryRunner.query(`ALTER TABLE "teams" DROP COLUMN "workflow"`);
  }
}

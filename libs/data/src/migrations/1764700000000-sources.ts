import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sources (the documents recommendations come from) and each recommendation's link to one. */
export class Sources1764700000000 implements MigrationInterface {
  name = 'Sources1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "sources" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "team_id" uuid NOT NULL,
        "title" character varying(300) NOT NULL,
        "authors" text array NOT NULL DEFAULT '{}',
        "publisher" character varying(300),
        "url" character varying(2048),
        "published_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_sources" PRIMARY KEY ("id"),
        CONSTRAINT "sources_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "sources_team_id_idx" ON "sources" ("team_id")`);

    // Nullable: recommendations may be written by hand, without a source.
    await queryRunner.query(`ALTER TABLE "recommendations" ADD "source_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE SET NULL`,
    );
    // Serves recommendationCount and the sourceId filter.
    await queryRunner.query(`CREATE INDEX "recommendations_source_id_idx" ON "recommendations" ("source_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "recommendations_source_id_idx"`);
    await queryRunner.query(`ALTER TABLE "recommendations" DROP CONSTRAINT "recommendations_source_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "recommendations" DROP COLUMN "source_id"`);
    await queryRunner.query(`DROP TABLE "sources"`);
  }
}

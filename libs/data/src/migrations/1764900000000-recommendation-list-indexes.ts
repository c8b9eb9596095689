import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the `recommendations` list and its keyset pages: each sort order walks its (team_id, key, id)
 * index from the cursor on (NUMBER has the unique (team_id, number) already), and `labels && $1` uses GIN.
 */
export class RecommendationListIndexes1764900000000 implements MigrationInterface {
  name = 'RecommendationListIndexes1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "recommendations_team_id_created_at_id_idx" ON "recommendations" ("team_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "recommendations_team_id_updated_at_id_idx" ON "recommendations" ("team_id", "updated_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "recommendations_team_id_due_at_id_idx" ON "recommendations" ("team_id", "due_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "recommendations_labels_idx" ON "recommendations" USING GIN ("labels")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "recommendations_labels_idx"`);
    await queryRunner.query(`DROP INDEX "recommendations_team_id_due_at_id_idx"`);
    await queryRunner.query(`DROP INDEX "recommendations_team_id_updated_at_id_idx"`);
    await queryRunner.query(`DROP INDEX "recommendations_team_id_created_at_id_idx"`);
  }
}

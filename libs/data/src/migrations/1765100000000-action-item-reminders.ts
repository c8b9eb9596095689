import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Action items with a deadline remind their assignee: up to `reminder_cursor` their occurrences were handled. */
export class ActionItemReminders1765100000000 implements MigrationInterface {
  name = 'ActionItemReminders1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "action_items" ADD "reminder_cursor" TIMESTAMP WITH TIME ZONE`);
    // Existing deadlines start from now: nothing that fell due before item reminders existed is sent late.
    await queryRunner.query(`UPDATE "action_items" SET "reminder_cursor" = now() WHERE "due_at" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "action_items" DROP COLUMN "reminder_cursor"`);
  }
}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261126083746_question_active extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "questions" add column "is_active" boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "questions" drop column "is_active";`);
  }

}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261126064853_habit_week_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "habit_completions_user_id_index";`);

    this.addSql(`create index "habit_completions_user_date_index" on "habit_completions" ("user_id", "completion_date");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "habit_completions_user_date_index";`);

    this.addSql(`create index "habit_completions_user_id_index" on "habit_completions" ("user_id");`);
  }

}

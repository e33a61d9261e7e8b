import { Migration } from '@mikro-orm/migrations';

export class Migration20261126064239_habit_completion_counter extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "user_profiles" drop constraint user_profiles_totals_non_negative;`);

    this.addSql(`alter table "user_profiles" add column "total_habit_completions" int not null default 0;`);
    this.addSql(`alter table "user_profiles" add constraint user_profiles_totals_non_negative check(total_exams_taken >= 0 and total_questions_answered >= 0 and total_lessons_completed >= 0 and total_habit_completions >= 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "user_profiles" drop constraint user_profiles_totals_non_negative;`);
    this.addSql(`alter table "user_profiles" drop column "total_habit_completions";`);

    this.addSql(`alter table "user_profiles" add constraint user_profiles_totals_non_negative check((total_exams_taken >= 0) AND (total_questions_answered >= 0) AND (total_lessons_completed >= 0));`);
  }

}

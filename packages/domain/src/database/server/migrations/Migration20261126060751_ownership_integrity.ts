import { Migration } from '@mikro-orm/migrations';

export class Migration20261126060751_ownership_integrity extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "user_answers" add constraint user_answers_is_correct_consistent check(is_correct = (user_answer = correct_answer));`);

    // Rows that repeat their parent's owner (for distribution by user) must agree with it.
    this.addSql(`create function questline_owner_matches_parent() returns trigger language plpgsql as $$
declare
  owner bigint;
begin
  if tg_table_name = 'habit_completions' then
    select user_id into owner from habits where id = new.habit_id;
  else
    select user_id into owner from quiz_attempts where id = new.quiz_attempt_id;
  end if;
  -- A missing parent is the foreign key's to refuse.
  if owner is not null and owner <> new.user_id then
    raise exception '% row belongs to user % but its parent to user %', tg_table_name, new.user_id, owner using errcode = 'check_violation';
  end if;
  return new;
end;
$$;`);
    this.addSql(`create trigger habit_completions_owner_matches before insert or update of habit_id, user_id on "habit_completions" for each row execute function questline_owner_matches_parent();`);
    this.addSql(`create trigger user_answers_owner_matches before insert or update of quiz_attempt_id, user_id on "user_answers" for each row execute function questline_owner_matches_parent();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists questline_owner_matches_parent() cascade;`);
    this.addSql(`alter table "user_answers" drop constraint user_answers_is_correct_consistent;`);
  }

}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261126061140_game_engine extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "lesson_sessions" ("id" bigserial primary key, "user_id" bigint not null, "lesson_id" bigint not null, "status" text check ("status" in ('active', 'completed', 'abandoned')) not null default 'active', "started_at" timestamptz not null default now(), "completed_at" timestamptz null, "correct_count" int not null default 0, "mistake_count" int not null default 0, "xp_earned" int not null default 0, constraint lesson_sessions_counts_non_negative check (correct_count >= 0 and mistake_count >= 0 and xp_earned >= 0), constraint lesson_sessions_completed_has_time check ((status = 'completed') = (completed_at is not null)));`);
    this.addSql(`create index "lesson_sessions_lesson_id_index" on "lesson_sessions" ("lesson_id");`);
    this.addSql(`create index "lesson_sessions_user_status_index" on "lesson_sessions" ("user_id", "status");`);
    this.addSql(`create unique index "lesson_sessions_one_active" on "lesson_sessions" ("user_id", "lesson_id") where "status" = 'active';`);

    this.addSql(`create table "leaderboard_standings" ("board" text check ("board" in ('xp_all_time', 'xp_weekly', 'quiz_best')) not null, "scope" varchar(32) not null, "user_id" bigint not null, "score" double precision not null, "reached_at" timestamptz not null, constraint "leaderboard_standings_pkey" primary key ("board", "scope", "user_id"));`);
    this.addSql(`create index "leaderboard_standings_user_id_index" on "leaderboard_standings" ("user_id");`);
    this.addSql(`create index "leaderboard_standings_rank_index" on "leaderboard_standings" ("board", "scope", "score" desc, "reached_at", "user_id");`);

    this.addSql(`create table "idempotency_records" ("id" bigserial primary key, "user_id" bigint not null, "key" varchar(200) not null, "operation" varchar(64) not null, "request_hash" varchar(64) not null, "response" jsonb null, "created_at" timestamptz not null default now(), constraint idempotency_records_key_not_empty check (char_length(key) >= 8));`);
    this.addSql(`create index "idempotency_records_created_at_index" on "idempotency_records" ("created_at");`);
    this.addSql(`alter table "idempotency_records" add constraint "idempotency_records_user_key_unique" unique ("user_id", "key");`);

    this.addSql(`alter table "lesson_sessions" add constraint "lesson_sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "lesson_sessions" add constraint "lesson_sessions_lesson_id_foreign" foreign key ("lesson_id") references "lessons" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "leaderboard_standings" add constraint "leaderboard_standings_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "idempotency_records" add constraint "idempotency_records_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_exercise_interactions" add column "lesson_session_id" bigint null;`);
    this.addSql(`alter table "user_exercise_interactions" add constraint "user_exercise_interactions_lesson_session_id_foreign" foreign key ("lesson_session_id") references "lesson_sessions" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "user_exercise_interactions_lesson_session_id_index" on "user_exercise_interactions" ("lesson_session_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "user_exercise_interactions" drop constraint "user_exercise_interactions_lesson_session_id_foreign";`);

    this.addSql(`drop table if exists "lesson_sessions" cascade;`);

    this.addSql(`drop table if exists "leaderboard_standings" cascade;`);

    this.addSql(`drop table if exists "idempotency_records" cascade;`);

    this.addSql(`drop index "user_exercise_interactions_lesson_session_id_index";`);
    this.addSql(`alter table "user_exercise_interactions" drop column "lesson_session_id";`);
  }

}

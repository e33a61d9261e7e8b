import { Migration } from '@mikro-orm/migrations';

export class Migration20261126052103_init extends Migration {

  override async up(): Promise<void> {
    // citext: case-insensitive email and username, enforced by unique constraints.
    this.addSql(`create extension if not exists citext;`);
    // updated_at follows every UPDATE, including set-based SQL that bypasses the ORM.
    this.addSql(`create or replace function questline_touch_updated_at() returns trigger language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end;
$$;`);

    this.addSql(`create table "users" ("id" bigserial primary key, "email" citext not null, "username" citext not null, "password_hash" text null, "role" text check ("role" in ('learner', 'admin')) not null default 'learner', "is_active" boolean not null default true, "is_verified" boolean not null default false, "tagline" text null, "timezone" varchar(64) not null default 'UTC', "daily_xp_goal" smallint not null default 20, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint users_username_format check (username ~ '^[A-Za-z0-9_.]{3,30}\$'), constraint users_daily_xp_goal_allowed check (daily_xp_goal in (10, 20, 30, 50)));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`alter table "users" add constraint "users_username_unique" unique ("username");`);

    this.addSql(`create table "sessions" ("id" bigserial primary key, "user_id" bigint not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "last_seen_at" timestamptz not null default now(), "user_agent" varchar(512) null, "ip" varchar(64) null);`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "sessions_expires_at_index" on "sessions" ("expires_at");`);

    this.addSql(`create table "user_profiles" ("user_id" bigint not null, "bio" text null, "xp" int not null default 0, "level" int not null default 1, "study_streak_current" int not null default 0, "study_streak_longest" int not null default 0, "total_exams_taken" int not null default 0, "total_questions_answered" int not null default 0, "last_activity_date" date null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "user_profiles_pkey" primary key ("user_id"), constraint user_profiles_xp_non_negative check (xp >= 0), constraint user_profiles_level_positive check (level >= 1), constraint user_profiles_streaks_non_negative check (study_streak_current >= 0 and study_streak_longest >= study_streak_current), constraint user_profiles_totals_non_negative check (total_exams_taken >= 0 and total_questions_answered >= 0));`);

    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_profiles" add constraint "user_profiles_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    for (const table of ['users', 'user_profiles']) {
      this.addSql(`create trigger ${table}_touch_updated_at before update on "${table}" for each row execute function questline_touch_updated_at();`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "user_profiles" cascade;`);
    this.addSql(`drop table if exists "sessions" cascade;`);
    this.addSql(`drop table if exists "users" cascade;`);
    this.addSql(`drop function if exists questline_touch_updated_at();`);
  }

}

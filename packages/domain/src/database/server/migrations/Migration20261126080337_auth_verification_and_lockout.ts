import { Migration } from '@mikro-orm/migrations';

export class Migration20261126080337_auth_verification_and_lockout extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sign_in_failures" ("email_key" varchar(254) not null, "window_started_at" timestamptz not null, "failures" int not null, constraint "sign_in_failures_pkey" primary key ("email_key"), constraint sign_in_failures_failures_positive check (failures > 0));`);
    this.addSql(`create index "sign_in_failures_window_started_at_index" on "sign_in_failures" ("window_started_at");`);

    this.addSql(`create table "email_verification_tokens" ("id" bigserial primary key, "user_id" bigint not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "used_at" timestamptz null, constraint email_verification_tokens_expire_after_creation check (expires_at > created_at));`);
    this.addSql(`create index "email_verification_tokens_user_id_index" on "email_verification_tokens" ("user_id");`);
    this.addSql(`alter table "email_verification_tokens" add constraint "email_verification_tokens_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "email_outbox" ("id" bigserial primary key, "user_id" bigint not null, "recipient" varchar(254) not null, "subject" varchar(200) not null, "body" text not null, "link" text null, "created_at" timestamptz not null default now(), "sent_at" timestamptz null, constraint email_outbox_subject_not_empty check (char_length(subject) > 0));`);
    this.addSql(`create index "email_outbox_user_id_index" on "email_outbox" ("user_id");`);
    this.addSql(`create index "email_outbox_unsent_index" on "email_outbox" ("created_at") where "sent_at" is null;`);

    this.addSql(`alter table "email_verification_tokens" add constraint "email_verification_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "email_outbox" add constraint "email_outbox_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sign_in_failures" cascade;`);

    this.addSql(`drop table if exists "email_verification_tokens" cascade;`);

    this.addSql(`drop table if exists "email_outbox" cascade;`);
  }

}

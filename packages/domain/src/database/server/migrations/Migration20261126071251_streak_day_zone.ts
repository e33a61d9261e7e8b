import { Migration } from '@mikro-orm/migrations';

export class Migration20261126071251_streak_day_zone extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "user_streak_days" add column "practiced_at" timestamptz null, add column "time_zone" varchar(64) null;`);
    // Rows written before: the zone was kept as a "[tz=…]" tag on the reason (else the user's zone).
    this.addSql(`update user_streak_days d
        set time_zone = coalesce(substring(d.reason from '\\[tz=([^]]+)\\]$'), u.timezone),
            practiced_at = d.created_at,
            reason = regexp_replace(d.reason, '\\s*\\[tz=[^]]+\\]$', '')
       from users u where u.id = d.user_id and d.status = 'practiced';`);
    this.addSql(`alter table "user_streak_days" add constraint user_streak_days_practice_has_instant_and_zone check(status <> 'practiced' or (practiced_at is not null and time_zone is not null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "user_streak_days" drop constraint user_streak_days_practice_has_instant_and_zone;`);
    this.addSql(`alter table "user_streak_days" drop column "practiced_at", drop column "time_zone";`);
  }

}

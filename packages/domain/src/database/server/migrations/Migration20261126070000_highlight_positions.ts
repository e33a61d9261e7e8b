import { Migration } from '@mikro-orm/migrations';

// Hand-written: highlight positions stay 0..n−1 however a highlight goes (removed by the service,
// or cascaded from a deleted post or user). Triggers are invisible to the entity snapshot.
export class Migration20261126070000_highlight_positions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function questline_renumber_highlights() returns trigger language plpgsql as $$
begin
  -- Take the owners' lock that the highlight services take first, so concurrent changes to one
  -- user's highlights queue up instead of renumbering from stale snapshots.
  perform 1 from users where id in (select user_id from removed) order by id for no key update;
  -- One statement: a DEFERRABLE unique key is checked at its end (or at commit when deferred), so
  -- shifting positions down never collides. An UPDATE fires no DELETE trigger: no recursion.
  update user_highlights h
     set position = r.position
    from (select id, (row_number() over (partition by user_id order by position, id) - 1)::int as position
            from user_highlights
           where user_id in (select user_id from removed)) r
   where h.id = r.id and h.position <> r.position;
  return null;
end;
$$;`);
    this.addSql(`create trigger user_highlights_renumber after delete on "user_highlights" referencing old table as removed for each statement execute function questline_renumber_highlights();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists user_highlights_renumber on "user_highlights";`);
    this.addSql(`drop function if exists questline_renumber_highlights();`);
  }

}

import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { levelForXp } from '../../game/universal/level.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { excerptOf } from '../universal/excerpt.ts';
import {
  publicProfileInputSchema,
  publicProfileSchema,
  type PublicProfile,
} from '../universal/public-profile.ts';

// The JSON aggregates come back untyped (and dates as text): parse them rather than cast.
const aggregatesSchema = z.object({
  tag_badges: z.array(z.object({ code: z.string(), name: z.string(), iconUrl16: z.string() })),
  highlights: z.array(
    z.object({
      postId: z.coerce.number(),
      position: z.number(),
      body: z.string(),
      createdAt: z.coerce.date(),
    }),
  ),
});

interface ProfileRow {
  username: string;
  tagline: string | null;
  xp: number | null;
  avatar_code: string | null;
  avatar_name: string | null;
  avatar_image_url: string | null;
  tag_badges: unknown;
  highlights: unknown;
}

/** What anyone may see of an active learner, looked up by username (any case), in one query. */
export async function getPublicProfile(em: EntityManager, username: string): Promise<PublicProfile> {
  const input = parseInput(publicProfileInputSchema, { username });
  const [row] = await em.execute<ProfileRow[]>(
    `select u.username, u.tagline, p.xp,
            a.code as avatar_code, a.name as avatar_name, a.image_url as avatar_image_url,
            coalesce((select jsonb_agg(jsonb_build_object('code', b.code, 'name', b.name, 'iconUrl16', b.icon_url_16)
                                       order by ub.unlocked_at, b.id)
                        from user_badges ub join badges b on b.id = ub.badge_id
                       where ub.user_id = u.id and b.is_tag_badge), '[]'::jsonb) as tag_badges,
            coalesce((select jsonb_agg(jsonb_build_object('postId', h.post_id, 'position', h.position,
                                                          'body', left(po.body, 600), 'createdAt', po.created_at)
                                       order by h.position)
                        from user_highlights h join posts po on po.id = h.post_id
                       where h.user_id = u.id), '[]'::jsonb) as highlights
       from users u
       left join user_profiles p on p.user_id = u.id
       left join avatars a on a.id = p.selected_avatar_id
      where u.username = ? and u.is_active`,
    [input.username],
  );
  if (!row)
    throw new DomainError('PROFILE_NOT_FOUND', 'NOT_FOUND', 'No such learner', { path: ['username'] });
  const aggregates = aggregatesSchema.parse(row);
  const xp = row.xp ?? 0;
  return publicProfileSchema.parse({
    username: row.username,
    tagline: row.tagline,
    xp,
    // Derived from XP, as everywhere else, so a stale stored level never shows.
    level: levelForXp(xp),
    avatar:
      row.avatar_code && row.avatar_name && row.avatar_image_url
        ? { code: row.avatar_code, name: row.avatar_name, imageUrl: row.avatar_image_url }
        : null,
    tagBadges: aggregates.tag_badges,
    highlights: aggregates.highlights.map((h) => ({
      postId: h.postId,
      position: h.position,
      excerpt: excerptOf(h.body),
      postCreatedAt: h.createdAt,
    })),
  });
}

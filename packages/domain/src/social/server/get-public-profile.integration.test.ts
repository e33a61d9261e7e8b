import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { grantBadge } from '../../game/server/badge-grants.ts';
import { grantXp } from '../../game/server/grant-xp.ts';
import { selectAvatar } from '../../game/server/select-avatar.ts';
import { seedGameContent } from '../../game/server/seed-game-content.ts';
import { expectLedgerBalanced } from '../../game/server/testing/ledger-invariant.ts';
import { setTagline } from '../../identity/server/set-tagline.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { getPublicProfile } from './get-public-profile.ts';
import { addHighlight, reorderHighlights } from './highlights.ts';
import { createPost, deletePost } from './posts.ts';
import { newLearner } from './testing/social-factory.ts';
import { domainErrorOf } from '../../shared/server/testing/domain-error-of.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');
let adminId = 0;

beforeAll(async () => {
  await seedGameContent(db.em());
  adminId = (await createAccount(db.em(), uniqueSignUpInput(), now, { role: 'admin' })).id;
});

describe('getPublicProfile', () => {
  it('shows tagline, level and XP, avatar, tag badges only, and highlights in order with excerpts', async () => {
    const { id, username } = await newLearner(db.em());
    await setTagline(db.em(), id, '学习中 🇯🇵 ẹ́');
    await db.em().transactional((tx) =>
      grantXp(tx, {
        userId: id,
        amount: 160,
        source: 'admin',
        idempotencyKey: 'profile-test',
        occurredAt: now,
        timeZone: 'UTC',
      }),
    );
    const [fox] = await db.em().execute<{ id: string }[]>(`select id from avatars where code = 'packet-fox'`);
    await selectAvatar(db.em(), id, Number(fox?.id));
    await grantBadge(db.em(), { adminId, userId: id, badgeCode: 'moderator', reason: 'Helps', now });
    await db
      .em()
      .execute(
        `insert into user_badges (user_id, badge_id, unlocked_at) select ?, id, ? from badges where code = 'XP_500'`,
        [id, now],
      );
    const long = await createPost(db.em(), id, { body: `${'word '.repeat(60)}👨‍👩‍👧‍👦 end` });
    const short = await createPost(db.em(), id, { body: 'Short\nand sweet' });
    const gone = await createPost(db.em(), id, { body: 'to be deleted' });
    for (const post of [long, short, gone]) await addHighlight(db.em(), id, post.id);
    await reorderHighlights(db.em(), id, [gone.id, short.id, long.id]);
    await deletePost(db.em(), id, gone.id);

    const profile = await getPublicProfile(db.em(), username.toUpperCase());
    expect(profile).toMatchObject({
      username,
      tagline: '学习中 🇯🇵 ẹ́',
      xp: 160,
      level: 3,
      avatar: { code: 'packet-fox', imageUrl: '/avatars/packet-fox.png' },
      tagBadges: [{ code: 'moderator', name: 'Moderator', iconUrl16: '/badges/moderator_16.png' }],
    });
    expect(profile.highlights.map((h) => [h.postId, h.position])).toEqual([
      [short.id, 0],
      [long.id, 1],
    ]);
    expect(profile.highlights[0]?.excerpt).toBe('Short and sweet');
    expect(profile.highlights[1]?.excerpt).toMatch(/^word word .*…$/);
    expect(profile.highlights[1]?.postCreatedAt).toBeInstanceOf(Date);
    await expectLedgerBalanced(db.em());
  });

  it('shows a new learner with no avatar, badges or highlights', async () => {
    const { username } = await newLearner(db.em());
    expect(await getPublicProfile(db.em(), username)).toEqual({
      username,
      tagline: null,
      xp: 0,
      level: 1,
      avatar: null,
      tagBadges: [],
      highlights: [],
    });
  });

  it('does not show a deactivated learner or an unknown name', async () => {
    const { id, username } = await newLearner(db.em());
    await db.em().execute('update users set is_active = false where id = ?', [id]);
    expect(await domainErrorOf(getPublicProfile(db.em(), username))).toMatchObject({
      code: 'PROFILE_NOT_FOUND',
      kind: 'NOT_FOUND',
    });
    expect(await domainErrorOf(getPublicProfile(db.em(), 'nobody_here'))).toMatchObject({
      code: 'PROFILE_NOT_FOUND',
    });
    expect(await domainErrorOf(getPublicProfile(db.em(), 'no spaces'))).toMatchObject({ code: 'BAD_INPUT' });
  });
});

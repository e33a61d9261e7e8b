import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { seedGameContent } from '@questline/domain/game/server/seed-game-content';
import type { CreateBadgeInput } from '@questline/domain/game/universal/admin-badges';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import { signedInAdmin, trpcErrorOf, type Caller } from '../../testing/callers.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

const db = useTestDatabase();
let admin: Caller;
let server: TestServer;
const dataDir = mkdtempSync(join(tmpdir(), 'questline-artwork-'));
const previousDataDir = process.env.QUESTLINE_DATA_DIR;

// Real art shipped with the site: a 64×64 and a 16×16 PNG.
const shipped = (name: string) =>
  readFileSync(new URL(`../../../../../apps/web/public/badges/${name}`, import.meta.url));
const png64 = shipped('moderator_64.png');
const png16 = shipped('moderator_16.png');
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

beforeAll(async () => {
  process.env.QUESTLINE_DATA_DIR = dataDir;
  await seedGameContent(db.em());
  admin = (await signedInAdmin(db)).caller;
  server = await startTestServer(db);
});
afterAll(async () => {
  await server.close();
  if (previousDataDir === undefined) delete process.env.QUESTLINE_DATA_DIR;
  else process.env.QUESTLINE_DATA_DIR = previousDataDir;
});

const storedFiles = () => {
  try {
    return readdirSync(join(dataDir, 'uploads', 'artwork'));
  } catch {
    return [];
  }
};
const newBadge = (overrides: Partial<CreateBadgeInput> = {}) => {
  const tag = randomBytes(4).toString('hex');
  return admin.admin.badges.create({
    code: `b-${tag}`,
    name: `Badge ${tag}`,
    description: 'Test badge',
    icon: '⭐',
    ...overrides,
  });
};

describe('admin.badges list, create and update', () => {
  it('lists the seeded badges with their rules and holders', async () => {
    const badges = await admin.admin.badges.list();
    expect(badges.find((b) => b.code === 'STREAK_3')).toMatchObject({
      criteria: { type: 'study_streak', value: 3 },
      isTagBadge: false,
    });
    expect(badges.find((b) => b.code === 'moderator')).toMatchObject({ criteria: null, isTagBadge: true });
  });

  it('creates a rule badge and edits it into an admin-granted one, each audited', async () => {
    const created = await newBadge({
      criteria: { type: 'perfect_quiz', value: 5 },
      iconUrl64: '/badges/XP_500_64.png',
    });
    expect(created).toMatchObject({
      criteria: { type: 'perfect_quiz', value: 5 },
      holders: 0,
      isTagBadge: false,
    });
    const updated = await admin.admin.badges.update({ id: created.id, criteria: null, name: 'Hand-picked' });
    expect(updated).toMatchObject({
      criteria: null,
      name: 'Hand-picked',
      iconUrl64: '/badges/XP_500_64.png',
    });
    const audit = await auditRowsOf(db, 'badge', created.id);
    expect(audit.map((row) => row.action)).toEqual(['badge.create', 'badge.update']);
    expect(audit[1]).toMatchObject({
      before: { criteria: { type: 'perfect_quiz', value: 5 }, name: created.name },
      after: { criteria: null, name: 'Hand-picked' },
    });
  });

  it.each([
    ['a tag badge without 16px art', { isTagBadge: true }, 'TAG_BADGE_NEEDS_16PX_ART', ['iconUrl16']],
    ['a badge with neither icon nor art', { icon: null }, 'BADGE_NEEDS_ARTWORK', ['icon']],
  ])('refuses %s with a typed error, writing nothing', async (_name, overrides, code, path) => {
    const audits = await auditRowCount(db);
    await expectBadInputAt(newBadge(overrides), path, code);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('refuses malformed input and a taken code', async () => {
    await expectBadInputAt(newBadge({ criteria: { type: 'exam_specific', value: 1 } }), [
      'criteria',
      'examType',
    ]);
    await expectBadInputAt(newBadge({ iconUrl64: 'javascript:alert(1)' }), ['iconUrl64']);
    const taken = await trpcErrorOf(newBadge({ code: 'STREAK_3' }));
    expect([taken.code, taken.cause]).toEqual([
      'CONFLICT',
      expect.objectContaining({ code: 'BADGE_CODE_TAKEN' }),
    ]);
    const unknown = await trpcErrorOf(admin.admin.badges.update({ id: 9_999_999, name: 'Ghost' }));
    expect(unknown.code).toBe('NOT_FOUND');
  });
});

describe('admin.badges.uploadArtwork', () => {
  it('stores checked PNGs by content hash, serves them, and makes a tag badge possible', async () => {
    const badge = await newBadge();
    const with64 = await admin.admin.badges.uploadArtwork({
      badgeId: badge.id,
      size: 64,
      pngBase64: base64(png64),
    });
    const hash = createHash('sha256').update(png64).digest('hex');
    expect(with64.iconUrl64).toBe(`/uploads/artwork/${hash}.png`);
    const with16 = await admin.admin.badges.uploadArtwork({
      badgeId: badge.id,
      size: 16,
      pngBase64: base64(png16),
    });
    expect(with16.iconUrl16).toMatch(/^\/uploads\/artwork\/[0-9a-f]{64}\.png$/);
    expect(await admin.admin.badges.update({ id: badge.id, isTagBadge: true })).toMatchObject({
      isTagBadge: true,
    });

    const served = await fetch(`${server.baseUrl}${with64.iconUrl64}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(png64)).toBe(true);
    expect((await fetch(`${server.baseUrl}/uploads/artwork/${'0'.repeat(64)}.png`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/uploads/artwork/..%2f..%2fetc%2fpasswd`)).status).toBe(404);

    const audit = await auditRowsOf(db, 'badge', badge.id);
    expect(audit.map((row) => row.action)).toEqual([
      'badge.create',
      'badge.artwork',
      'badge.artwork',
      'badge.update',
    ]);
    expect(audit[1]).toMatchObject({ before: { iconUrl64: null }, after: { iconUrl64: with64.iconUrl64 } });
  });

  it.each([
    ['64×64 art as the 16px tag art', 16, () => png64, 'ARTWORK_WRONG_SIZE'],
    ['16×16 art as the badge art', 64, () => png16, 'ARTWORK_WRONG_SIZE'],
    [
      'an SVG',
      64,
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"/>'),
      'ARTWORK_NOT_PNG',
    ],
    ['an empty file', 64, () => Buffer.alloc(0), 'ARTWORK_EMPTY'],
  ] as const)('refuses %s, storing and changing nothing', async (_name, size, bytes, code) => {
    const badge = await newBadge();
    const files = storedFiles().length;
    await expectBadInputAt(
      admin.admin.badges.uploadArtwork({ badgeId: badge.id, size, pngBase64: base64(bytes()) }),
      ['pngBase64'],
      code,
    );
    expect(storedFiles().length).toBe(files);
    expect((await auditRowsOf(db, 'badge', badge.id)).map((row) => row.action)).toEqual(['badge.create']);
    expect((await admin.admin.badges.list()).find((b) => b.id === badge.id)).toMatchObject({
      iconUrl64: null,
      iconUrl16: null,
    });
  });

  it('refuses input that is not base64, too large, or for an unknown badge', async () => {
    const badge = await newBadge();
    await expectBadInputAt(
      admin.admin.badges.uploadArtwork({ badgeId: badge.id, size: 64, pngBase64: '%%%' }),
      ['pngBase64'],
    );
    const huge = Buffer.concat([png64, Buffer.alloc(70_000)]);
    await expectBadInputAt(
      admin.admin.badges.uploadArtwork({ badgeId: badge.id, size: 64, pngBase64: base64(huge) }),
      ['pngBase64'],
    );
    const files = storedFiles().length;
    const unknown = await trpcErrorOf(
      admin.admin.badges.uploadArtwork({ badgeId: 9_999_999, size: 64, pngBase64: base64(png64) }),
    );
    expect([unknown.code, unknown.cause]).toEqual([
      'NOT_FOUND',
      expect.objectContaining({ code: 'BADGE_NOT_FOUND', details: { path: ['badgeId'] } }),
    ]);
    expect(storedFiles().length).toBe(files);
  });

  it('every procedure is refused to a learner and to an anonymous caller', async () => {
    const badge = await newBadge();
    await expectAdminOnly(db, (caller) => caller.admin.badges.list());
    await expectAdminOnly(db, (caller) =>
      caller.admin.badges.create({ code: 'x', name: 'x', description: 'x', icon: 'x' }),
    );
    await expectAdminOnly(db, (caller) => caller.admin.badges.update({ id: badge.id, name: 'Pwned' }));
    await expectAdminOnly(db, (caller) =>
      caller.admin.badges.uploadArtwork({ badgeId: badge.id, size: 64, pngBase64: base64(png64) }),
    );
    expect((await admin.admin.badges.list()).find((b) => b.id === badge.id)).toMatchObject({
      name: badge.name,
      iconUrl64: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { setTagline } from './set-tagline.ts';
import { createAccount } from './sign-up.ts';
import { uniqueSignUpInput } from './testing/account-factory.ts';
import { domainErrorOf } from '../../shared/server/testing/domain-error-of.ts';

const db = useTestDatabase();
const now = new Date('2026-03-01T12:00:00Z');

const newLearner = async () => (await createAccount(db.em(), uniqueSignUpInput(), now)).id;
const storedTagline = async (userId: number) =>
  (await db.em().execute<{ tagline: string | null }[]>('select tagline from users where id = ?', [userId]))[0]
    ?.tagline;

describe('setTagline', () => {
  it.each([
    ['emoji: ZWJ family, skin tone, flags, keycap', '👨‍👩‍👧‍👦 🧑🏽‍💻 👍🏿 🇯🇵🏴󠁧󠁢󠁳󠁣󠁴󠁿 1️⃣ ❤️'],
    ['CJK and Hangul', '日本語を勉強中・한국어 공부 중・学习中文'],
    ['combining marks without precomposed forms', 'ẹ́ q̃ क्षि ก้'],
    ['right-to-left text', 'أتعلم كل يوم'],
    ['48 four-person families', '👨‍👩‍👧‍👦'.repeat(48)],
  ])('round-trips %s exactly through PostgreSQL', async (_name, tagline) => {
    const userId = await newLearner();
    expect(await setTagline(db.em(), userId, tagline)).toEqual({ tagline });
    expect(await storedTagline(userId)).toBe(tagline);
  });

  it('stores the NFC form, trimmed', async () => {
    const userId = await newLearner();
    expect(await setTagline(db.em(), userId, '  Cafe\u0301 ')).toEqual({ tagline: 'Café' });
    expect(await storedTagline(userId)).toBe('Caf\u00e9');
  });

  it('clears the tagline with null or blank text', async () => {
    const userId = await newLearner();
    await setTagline(db.em(), userId, 'something');
    expect(await setTagline(db.em(), userId, '   ')).toEqual({ tagline: null });
    expect(await storedTagline(userId)).toBeNull();
    await setTagline(db.em(), userId, 'again');
    expect(await setTagline(db.em(), userId, null)).toEqual({ tagline: null });
  });

  it.each([
    ['x'.repeat(49), 'TAGLINE_TOO_LONG'],
    ['two\nlines', 'TAGLINE_CONTROL_CHARACTER'],
    ['gnp\u202Eexe', 'TAGLINE_BIDI_CONTROL'],
    ['x'.repeat(5000), 'BAD_INPUT'],
  ])('refuses %j with %s and keeps the old tagline', async (raw, code) => {
    const userId = await newLearner();
    await setTagline(db.em(), userId, 'keep me');
    const error = await domainErrorOf(setTagline(db.em(), userId, raw));
    expect(error).toMatchObject({ code, kind: 'BAD_INPUT', details: { path: ['tagline'] } });
    expect(await storedTagline(userId)).toBe('keep me');
  });

  it('refuses an unknown user', async () => {
    expect(await domainErrorOf(setTagline(db.em(), 9_999_999, 'hi'))).toMatchObject({
      code: 'USER_NOT_FOUND',
    });
  });
});

import { useTestDatabase } from '@questline/domain/database/server/testing/test-database';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, auditRowsOf, expectAdminOnly, expectBadInputAt } from '../../testing/admin.ts';
import { callerFor, signedInAdmin, trpcErrorOf, type Caller } from '../../testing/callers.ts';
import {
  freshLanguageCode,
  newCourse,
  newLanguage,
  useShippedCatalog,
} from '../../testing/catalog-fixtures.ts';

const db = useTestDatabase();
useShippedCatalog(db);
let admin: Caller;
let adminId = 0;
const now = new Date('2026-04-01T10:00:00Z');

beforeAll(async () => {
  const signedIn = await signedInAdmin(db);
  adminId = signedIn.account.id;
  admin = await callerFor(db, signedIn.token, { now: () => now });
});

describe('admin.catalog.languages', () => {
  it('creates a language, audited with its state after', async () => {
    const code = freshLanguageCode();
    const created = await admin.admin.catalog.languages.create({
      code: ` ${code.toUpperCase()} `,
      englishName: 'Klingon',
      nativeName: 'tlhIngan Hol',
      flag: '🖖',
    });
    expect(created).toMatchObject({ code, englishName: 'Klingon', courseCount: 0, createdAt: now });
    expect(await admin.admin.catalog.languages.list()).toContainEqual(created);
    const [row] = await auditRowsOf(db, 'language', created.id);
    expect(row).toMatchObject({ action: 'language.create', actor_id: String(adminId), before: null });
    expect(row?.after).toMatchObject({ code, englishName: 'Klingon' });
  });

  it('updates the given fields only, audited before and after; an unchanged update writes nothing', async () => {
    const language = await newLanguage(admin);
    const updated = await admin.admin.catalog.languages.update({ id: language.id, englishName: 'Renamed' });
    expect(updated).toMatchObject({
      code: language.code,
      englishName: 'Renamed',
      nativeName: language.nativeName,
    });
    await admin.admin.catalog.languages.update({ id: language.id, englishName: 'Renamed' });
    const rows = await auditRowsOf(db, 'language', language.id);
    expect(rows.map((row) => row.action)).toEqual(['language.create', 'language.update']);
    expect(rows[1]?.before).toMatchObject({ englishName: language.englishName });
    expect(rows[1]?.after).toMatchObject({ englishName: 'Renamed' });
  });

  it('refuses a code in use with LANGUAGE_CODE_TAKEN on the code, nothing written', async () => {
    const [first, second] = [await newLanguage(admin), await newLanguage(admin)];
    const audits = await auditRowCount(db);
    const error = await trpcErrorOf(
      admin.admin.catalog.languages.update({ id: second.id, code: first.code }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.cause).toMatchObject({ code: 'LANGUAGE_CODE_TAKEN', details: { path: ['code'] } });
    expect(error.message).not.toMatch(/languages_code_unique/);
    const created = await trpcErrorOf(
      admin.admin.catalog.languages.create({
        code: first.code,
        englishName: 'X',
        nativeName: 'X',
        flag: 'x',
      }),
    );
    expect(created.cause).toMatchObject({ code: 'LANGUAGE_CODE_TAKEN' });
    expect(await auditRowCount(db)).toBe(audits);
    expect((await admin.admin.catalog.languages.list()).find((l) => l.id === second.id)?.code).toBe(
      second.code,
    );
  });

  it('deletes an unused language, audited with its state before', async () => {
    const language = await newLanguage(admin);
    expect(await admin.admin.catalog.languages.delete({ id: language.id })).toEqual({
      id: language.id,
      deleted: true,
    });
    expect((await admin.admin.catalog.languages.list()).map((l) => l.id)).not.toContain(language.id);
    const rows = await auditRowsOf(db, 'language', language.id);
    expect(rows.at(-1)).toMatchObject({
      action: 'language.delete',
      after: null,
      before: { code: language.code },
    });
  });

  it('refuses to delete a language a course uses, and an unknown one', async () => {
    const course = await newCourse(admin);
    const audits = await auditRowCount(db);
    const inUse = await trpcErrorOf(admin.admin.catalog.languages.delete({ id: course.fromLanguage.id }));
    expect(inUse.code).toBe('PRECONDITION_FAILED');
    expect(inUse.cause).toMatchObject({ code: 'LANGUAGE_IN_USE' });
    const unknown = await trpcErrorOf(admin.admin.catalog.languages.delete({ id: 987_654 }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(await auditRowCount(db)).toBe(audits);
    expect((await admin.admin.catalog.languages.list()).map((l) => l.id)).toContain(course.fromLanguage.id);
  });

  it('refuses bad input with the field path and writes nothing', async () => {
    const audits = await auditRowCount(db);
    const before = await admin.admin.catalog.languages.list();
    const good = { code: freshLanguageCode(), englishName: 'Name', nativeName: 'Name', flag: 'f' };
    await expectBadInputAt(admin.admin.catalog.languages.create({ ...good, code: 'eng' }), ['code']);
    await expectBadInputAt(admin.admin.catalog.languages.create({ ...good, englishName: '  ' }), [
      'englishName',
    ]);
    await expectBadInputAt(admin.admin.catalog.languages.update({ id: -1 }), ['id']);
    // PostgreSQL cannot store U+0000: refused as input rather than failing the write.
    await expectBadInputAt(admin.admin.catalog.languages.create({ ...good, nativeName: 'a\u0000b' }), [
      'nativeName',
    ]);
    expect(await admin.admin.catalog.languages.list()).toEqual(before);
    expect(await auditRowCount(db)).toBe(audits);
  });

  it('is refused to learners and anonymous callers', async () => {
    const language = await newLanguage(admin);
    await expectAdminOnly(db, (caller) => caller.admin.catalog.languages.list());
    await expectAdminOnly(db, (caller) =>
      caller.admin.catalog.languages.create({ code: 'zz', englishName: 'Z', nativeName: 'Z', flag: 'z' }),
    );
    await expectAdminOnly(db, (caller) =>
      caller.admin.catalog.languages.update({ id: language.id, flag: 'x' }),
    );
    await expectAdminOnly(db, (caller) => caller.admin.catalog.languages.delete({ id: language.id }));
    expect((await admin.admin.catalog.languages.list()).find((l) => l.id === language.id)).toEqual(language);
  });
});

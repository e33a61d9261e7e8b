import { beforeAll, describe, expect, it } from 'vitest';
import { auditedChange } from '../../audit/server/audited-change.ts';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { createAccount } from '../../identity/server/sign-up.ts';
import { uniqueSignUpInput } from '../../identity/server/testing/account-factory.ts';
import { lessonIdOf } from '../../learning/server/testing/lesson-fixtures.ts';
import { domainErrorOf } from '../../shared/server/testing/domain-error-of.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { CATALOG_VIOLATIONS } from './admin-catalog-errors.ts';
import { seedCatalog } from './seed-catalog.ts';

// What PostgreSQL alone refuses (a trigger, a deferred check at the end of the transaction) reaches
// the admin as the same typed error the services raise themselves, and nothing is written.

const db = useTestDatabase();
const now = new Date('2026-05-01T09:00:00Z');
let adminId = 0;

beforeAll(async () => {
  await seedCatalog(db.em());
  adminId = (await createAccount(db.em(), uniqueSignUpInput(), now, { role: 'admin' })).id;
});

const auditCount = async () =>
  (await db.em().execute<{ n: number }[]>('select count(*)::int as n from system_audit_logs'))[0]?.n;

function change(sql: string, params: unknown[]) {
  return auditedChange(
    db.em(),
    { adminId, now },
    async (tx) => {
      await tx.execute(sql, params);
      return {
        result: null,
        audit: { action: 'test.change', entityType: 'test', entityId: 1, before: null, after: {} },
      };
    },
    CATALOG_VIOLATIONS,
  );
}

describe('CATALOG_VIOLATIONS through auditedChange', () => {
  it('maps the acyclic-prerequisites trigger to PREREQUISITE_CYCLE', async () => {
    // The shipped lessons form a chain: the first requiring the third closes a cycle.
    const [first, third] = [
      await lessonIdOf(db.em(), 'es-greetings-1'),
      await lessonIdOf(db.em(), 'es-greetings-3'),
    ];
    const audits = await auditCount();
    const error = await domainErrorOf(
      change('insert into lesson_prerequisites (lesson_id, required_lesson_id) values (?, ?)', [
        first,
        third,
      ]),
    );
    expect(error).toMatchObject({
      code: 'PREREQUISITE_CYCLE',
      kind: 'CONFLICT',
      details: { path: ['requiredLessonId'] },
    });
    expect(error.message).not.toMatch(/questline_|lesson_prerequisites/);
    expect(await db.em().execute('select 1 from lesson_prerequisites where lesson_id = ?', [first])).toEqual(
      [],
    );
    expect(await auditCount()).toBe(audits);
  });

  it('maps the deferred "exactly one correct option" check, raised before commit', async () => {
    const [exercise] = await db.em().execute<{ id: string }[]>(
      `select e.id from exercises e join exercise_types t on t.id = e.exercise_type_id
        where t.code = 'multiple_choice' order by e.id limit 1`,
    );
    const audits = await auditCount();
    const error = await domainErrorOf(
      change('update exercise_options set is_correct = false where exercise_id = ?', [exercise?.id]),
    );
    expect(error).toMatchObject({
      code: 'EXERCISE_ONE_CORRECT_OPTION',
      kind: 'BAD_INPUT',
      details: { path: ['options'] },
    });
    const correct = await db
      .em()
      .execute('select id from exercise_options where exercise_id = ? and is_correct', [exercise?.id]);
    expect(correct).toHaveLength(1);
    expect(await auditCount()).toBe(audits);
  });

  it('leaves a violation it does not expect as the unexpected error it is', async () => {
    const error = await change(
      'insert into lessons (unit_id, position, key, title, xp_reward, estimated_minutes) values (?, 0, ?, ?, 0, 1)',
      [0, 'k', 't'],
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DomainError);
  });
});

import { seedCatalog } from '@questline/domain/catalog/server/seed-catalog';
import { SEED_LANGUAGES } from '@questline/domain/catalog/server/seed-data/languages';
import type { CreateExerciseInput } from '@questline/domain/catalog/universal/admin-exercises';
import type { TestDatabase } from '@questline/domain/database/server/testing/test-database';
import { randomBytes, randomInt } from 'node:crypto';
import { beforeAll } from 'vitest';
import type { Caller } from './callers.ts';

// Catalog content for the admin editor's tests, made through the admin API itself, beside the
// shipped catalog (its languages, the exercise types and the Spanish course).

export function useShippedCatalog(db: TestDatabase): void {
  beforeAll(async () => {
    await seedCatalog(db.em());
  });
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const SHIPPED_CODES = new Set(SEED_LANGUAGES.map((language) => language.code));
let nextCode = randomInt(0, 26 * 26);

/** A code neither shipped nor returned before in this process (each test file has its own database). */
export function freshLanguageCode(): string {
  for (;;) {
    nextCode = (nextCode + 1) % (26 * 26);
    const code = `${LETTERS[Math.floor(nextCode / 26)]}${LETTERS[nextCode % 26]}`;
    if (!SHIPPED_CODES.has(code)) return code;
  }
}

export const uniqueKey = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export function newLanguage(admin: Caller) {
  const code = freshLanguageCode();
  return admin.admin.catalog.languages.create({
    code,
    englishName: `Language ${code}`,
    nativeName: `Lingua ${code}`,
    flag: '🏳️',
  });
}

export async function newCourse(admin: Caller, overrides: { isPublished?: boolean } = {}) {
  const [from, to] = [await newLanguage(admin), await newLanguage(admin)];
  return admin.admin.catalog.courses.create({
    fromLanguageId: from.id,
    toLanguageId: to.id,
    title: `Course ${to.code} for ${from.code} speakers`,
    ...overrides,
  });
}

/** A course with one section and one unit. */
export async function newUnit(admin: Caller) {
  const course = await newCourse(admin);
  const section = await admin.admin.catalog.sections.create({ courseId: course.id, title: 'Basics' });
  const unit = await admin.admin.catalog.units.create({
    sectionId: section.id,
    title: 'Greetings',
    icon: '👋',
    color: '#1CB0F6',
  });
  return { course, section, unit };
}

export function newLesson(admin: Caller, unitId: number, title = 'A lesson') {
  return admin.admin.catalog.lessons.create({
    unitId,
    key: uniqueKey('lesson'),
    title,
    xpReward: 10,
    estimatedMinutes: 5,
  });
}

/** A valid multiple-choice exercise for `lessonId`. */
export function multipleChoice(
  lessonId: number,
  overrides: Partial<CreateExerciseInput> = {},
): CreateExerciseInput {
  return {
    lessonId,
    key: uniqueKey('mc'),
    type: 'multiple_choice',
    prompt: 'Which one means "Hello"?',
    correctAnswer: 'Hola',
    difficulty: 1,
    options: [
      { text: 'Hola', isCorrect: true },
      { text: 'Adiós', isCorrect: false },
      { text: 'Gracias', isCorrect: false },
    ],
    ...overrides,
  };
}

/** A valid translation exercise for `lessonId`. */
export function translation(
  lessonId: number,
  overrides: Partial<CreateExerciseInput> = {},
): CreateExerciseInput {
  return {
    lessonId,
    key: uniqueKey('tr'),
    type: 'translation',
    prompt: 'Translate: Good morning',
    correctAnswer: 'Buenos días',
    alternateAnswers: ['Buen día'],
    hints: ['"día" is day'],
    difficulty: 2,
    content: { sourceText: 'Good morning', direction: 'to_target' },
    ...overrides,
  };
}

/** Marks a learner as having started `lessonId` (their progress row), as the lesson player would. */
export async function startedBy(db: TestDatabase, userId: number, lessonId: number): Promise<void> {
  await db
    .em()
    .execute(
      `insert into user_lesson_progress (user_id, lesson_id, status, attempts, started_at) values (?, ?, 'in_progress', 1, now())`,
      [userId, lessonId],
    );
}

export async function countRows(db: TestDatabase, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await db
    .em()
    .execute<{ n: number }[]>(`select count(*)::int as n from (${sql}) counted`, params);
  return row?.n ?? 0;
}

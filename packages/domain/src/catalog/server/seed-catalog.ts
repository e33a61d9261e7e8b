import type { EntityManager } from '@mikro-orm/postgresql';
import { upsertRow } from '../../database/server/upsert.ts';
import { SEED_EXERCISE_TYPES } from './seed-data/exercise-types.ts';
import { SEED_LANGUAGES } from './seed-data/languages.ts';
import { SPANISH_FOR_ENGLISH_SPEAKERS } from './seed-data/spanish-course.ts';
import type { SeedCourse, SeedExercise, SeedLesson } from './seed-data/types.ts';

export interface CatalogSeedResult {
  readonly languages: number;
  readonly exerciseTypes: number;
  readonly lessons: number;
  readonly exercises: number;
}

/** Languages, exercise types and the demo course, upserted by their stable keys. */
export async function seedCatalog(em: EntityManager): Promise<CatalogSeedResult> {
  return em.transactional(async (tx) => {
    // Positions may swap while content is rearranged; their unique keys are checked at commit.
    await tx.execute('set constraints all deferred');
    const languageIds = new Map<string, number>();
    for (const language of SEED_LANGUAGES) {
      const id = await upsertRow(tx, {
        table: 'languages',
        key: ['code'],
        values: {
          code: language.code,
          english_name: language.englishName,
          native_name: language.nativeName,
          flag: language.flag,
        },
      });
      languageIds.set(language.code, id);
    }
    const typeIds = new Map<string, number>();
    for (const type of SEED_EXERCISE_TYPES) {
      const id = await upsertRow(tx, {
        table: 'exercise_types',
        key: ['code'],
        values: {
          code: type.code,
          name: type.name,
          description: type.description,
          default_xp: type.defaultXp,
        },
      });
      typeIds.set(type.code, id);
    }
    const counts = await seedCourse(tx, SPANISH_FOR_ENGLISH_SPEAKERS, languageIds, typeIds);
    return { languages: languageIds.size, exerciseTypes: typeIds.size, ...counts };
  });
}

async function seedCourse(
  em: EntityManager,
  course: SeedCourse,
  languageIds: ReadonlyMap<string, number>,
  typeIds: ReadonlyMap<string, number>,
): Promise<{ lessons: number; exercises: number }> {
  const courseId = await upsertRow(em, {
    table: 'courses',
    key: ['from_language_id', 'to_language_id'],
    values: {
      from_language_id: requireId(languageIds, course.fromLanguage),
      to_language_id: requireId(languageIds, course.toLanguage),
      title: course.title,
      description: course.description,
      is_published: true,
    },
  });
  const lessonIds = new Map<string, number>();
  let exercises = 0;
  for (const [sectionPosition, section] of course.sections.entries()) {
    const sectionId = await upsertRow(em, {
      table: 'sections',
      deferrableKey: true,
      key: ['course_id', 'position'],
      values: {
        course_id: courseId,
        position: sectionPosition,
        title: section.title,
        description: section.description,
      },
    });
    for (const [unitPosition, unit] of section.units.entries()) {
      const unitId = await upsertRow(em, {
        table: 'units',
        deferrableKey: true,
        key: ['section_id', 'position'],
        values: {
          section_id: sectionId,
          position: unitPosition,
          title: unit.title,
          description: unit.description,
          icon: unit.icon,
          color: unit.color,
        },
      });
      for (const [lessonPosition, lesson] of unit.lessons.entries()) {
        const lessonId = await seedLesson(em, lesson, unitId, lessonPosition, typeIds);
        lessonIds.set(lesson.key, lessonId);
        exercises += lesson.exercises.length;
      }
    }
  }
  // Prerequisites go in once every lesson exists (they may point forward in the file).
  for (const section of course.sections) {
    for (const unit of section.units) {
      for (const lesson of unit.lessons) {
        for (const required of lesson.prerequisites) {
          await upsertRow(em, {
            table: 'lesson_prerequisites',
            key: ['lesson_id', 'required_lesson_id'],
            values: {
              lesson_id: requireId(lessonIds, lesson.key),
              required_lesson_id: requireId(lessonIds, required),
            },
            returnsId: false,
          });
        }
      }
    }
  }
  return { lessons: lessonIds.size, exercises };
}

async function seedLesson(
  em: EntityManager,
  lesson: SeedLesson,
  unitId: number,
  position: number,
  typeIds: ReadonlyMap<string, number>,
): Promise<number> {
  const lessonId = await upsertRow(em, {
    table: 'lessons',
    key: ['key'],
    values: {
      key: lesson.key,
      unit_id: unitId,
      position,
      title: lesson.title,
      description: lesson.description,
      xp_reward: lesson.xpReward,
      estimated_minutes: lesson.estimatedMinutes,
    },
  });
  for (const [exercisePosition, exercise] of lesson.exercises.entries()) {
    const exerciseId = await seedExercise(em, exercise, typeIds);
    await upsertRow(em, {
      table: 'lesson_exercises',
      key: ['lesson_id', 'exercise_id'],
      values: {
        lesson_id: lessonId,
        exercise_id: exerciseId,
        position: exercisePosition,
        is_required: exercise.required ?? true,
      },
      returnsId: false,
    });
  }
  return lessonId;
}

async function seedExercise(
  em: EntityManager,
  exercise: SeedExercise,
  typeIds: ReadonlyMap<string, number>,
): Promise<number> {
  const exerciseId = await upsertRow(em, {
    table: 'exercises',
    key: ['key'],
    values: {
      key: exercise.key,
      exercise_type_id: requireId(typeIds, exercise.type),
      prompt: exercise.prompt,
      correct_answer: exercise.correctAnswer,
      alternate_answers: { textArray: exercise.alternateAnswers ?? [] },
      hints: { textArray: exercise.hints ?? [] },
      difficulty: exercise.difficulty,
      time_limit_seconds: exercise.timeLimitSeconds ?? null,
      xp_override: exercise.xpOverride ?? null,
      content: { json: exercise.content ?? {} },
    },
  });
  for (const [position, option] of (exercise.options ?? []).entries()) {
    await upsertRow(em, {
      table: 'exercise_options',
      deferrableKey: true,
      key: ['exercise_id', 'position'],
      values: { exercise_id: exerciseId, position, text: option.text, is_correct: option.isCorrect },
    });
  }
  for (const audio of exercise.audio ?? []) {
    await upsertRow(em, {
      table: 'audio_files',
      key: ['exercise_id', 'quality'],
      values: {
        exercise_id: exerciseId,
        quality: audio.quality,
        url: `/${audio.path}`,
        duration_ms: audio.durationMs,
        speaker: audio.speaker,
      },
    });
  }
  return exerciseId;
}

function requireId(ids: ReadonlyMap<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`seed content refers to unknown "${key}"`);
  return id;
}

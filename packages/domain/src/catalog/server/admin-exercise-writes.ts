import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { AdminExerciseView, ExerciseFields } from '../universal/admin-exercises.ts';

// Writing an exercise's own columns, options and audio (the editor sends them as a whole).

/** The exercise's columns, its type resolved to the type row's id. */
export async function exerciseColumns(em: EntityManager, fields: ExerciseFields) {
  const [type] = await em.execute<{ id: string }[]>('select id from exercise_types where code = ?', [
    fields.type,
  ]);
  if (!type) {
    throw new DomainError('EXERCISE_TYPE_NOT_FOUND', 'NOT_FOUND', 'This exercise type is not installed', {
      path: ['type'],
    });
  }
  return {
    key: fields.key,
    exercise_type_id: Number(type.id),
    prompt: fields.prompt,
    correct_answer: fields.correctAnswer,
    alternate_answers: { textArray: fields.alternateAnswers },
    hints: { textArray: fields.hints },
    difficulty: fields.difficulty,
    time_limit_seconds: fields.timeLimitSeconds,
    xp_override: fields.xpOverride,
    content: { json: fields.content },
  };
}

const json = (value: unknown) => JSON.stringify(value);

export function sameOptions(stored: AdminExerciseView, options: ExerciseFields['options']): boolean {
  return json(stored.options.map(({ text, isCorrect }) => ({ text, isCorrect }))) === json(options);
}

const byQuality = <T extends { quality: string }>(files: readonly T[]) =>
  [...files].sort((a, b) => a.quality.localeCompare(b.quality));

export function sameAudio(stored: AdminExerciseView, audio: ExerciseFields['audio']): boolean {
  const storedFiles = stored.audio.map(({ quality, url, durationMs, speaker }) => ({
    quality,
    url,
    durationMs,
    speaker,
  }));
  return json(byQuality(storedFiles)) === json(byQuality(audio));
}

/**
 * Rewrites the options in the given order. "Exactly one correct" is checked by a deferred trigger
 * when the caller's transaction ends, so the set may pass through other states meanwhile.
 */
export async function replaceOptions(
  em: EntityManager,
  exerciseId: number,
  options: ExerciseFields['options'],
) {
  await em.execute('delete from exercise_options where exercise_id = ?', [exerciseId]);
  if (!options.length) return;
  await em.execute(
    `insert into exercise_options (exercise_id, position, text, is_correct)
     select ?, o.ordinality - 1, o.value ->> 'text', (o.value ->> 'isCorrect')::boolean
       from jsonb_array_elements(?::jsonb) with ordinality as o(value, ordinality)`,
    [exerciseId, json(options)],
  );
}

export async function replaceAudio(
  em: EntityManager,
  exerciseId: number,
  audio: ExerciseFields['audio'],
  now: Date,
) {
  await em.execute('delete from audio_files where exercise_id = ?', [exerciseId]);
  if (!audio.length) return;
  await em.execute(
    `insert into audio_files (exercise_id, url, quality, duration_ms, speaker, created_at)
     select ?, a.url, a.quality, a.duration_ms, a.speaker, ?
       from jsonb_to_recordset(?::jsonb) as a(url text, quality text, duration_ms int, speaker text)`,
    [exerciseId, now, json(audio.map((file) => ({ ...file, duration_ms: file.durationMs })))],
  );
}

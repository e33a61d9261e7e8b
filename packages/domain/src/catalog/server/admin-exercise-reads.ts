import type { EntityManager } from '@mikro-orm/postgresql';
import type { AudioQuality, ExerciseTypeCode } from '../universal/exercise-types.ts';
import type { AdminExerciseView, LessonExerciseView } from '../universal/admin-exercises.ts';

// Exercises as the admin editor sees them: answers, options and audio included, one query.

const EXERCISE_COLUMNS = `e.id, e.key, t.code as type, e.prompt, e.correct_answer, e.alternate_answers, e.hints,
    e.difficulty, e.time_limit_seconds, e.xp_override, e.content, e.created_at, e.updated_at,
    coalesce((select json_agg(json_build_object('id', o.id, 'position', o.position, 'text', o.text,
                                                'isCorrect', o.is_correct) order by o.position)
                from exercise_options o where o.exercise_id = e.id), '[]') as options,
    coalesce((select json_agg(json_build_object('id', a.id, 'quality', a.quality, 'url', a.url,
                                                'durationMs', a.duration_ms, 'speaker', a.speaker)
                              order by array_position(array['low', 'medium', 'high'], a.quality::text))
                from audio_files a where a.exercise_id = e.id), '[]') as audio,
    array(select x.lesson_id from lesson_exercises x where x.exercise_id = e.id order by x.lesson_id) as lesson_ids,
    (select count(*) from user_exercise_interactions i where i.exercise_id = e.id)::int as interaction_count`;

const EXERCISE_FROM = 'exercises e join exercise_types t on t.id = e.exercise_type_id';

interface ExerciseRow {
  id: string | number;
  key: string;
  type: ExerciseTypeCode;
  prompt: string;
  correct_answer: string;
  alternate_answers: string[];
  hints: string[];
  difficulty: number;
  time_limit_seconds: number | null;
  xp_override: number | null;
  content: Record<string, unknown> | null;
  options: { id: number; position: number; text: string; isCorrect: boolean }[];
  audio: { id: number; quality: AudioQuality; url: string; durationMs: number; speaker: string | null }[];
  lesson_ids: (string | number)[];
  interaction_count: number;
  created_at: Date;
  updated_at: Date;
}

const toView = (row: ExerciseRow): AdminExerciseView => ({
  id: Number(row.id),
  key: row.key,
  type: row.type,
  prompt: row.prompt,
  correctAnswer: row.correct_answer,
  alternateAnswers: row.alternate_answers,
  hints: row.hints,
  difficulty: row.difficulty,
  timeLimitSeconds: row.time_limit_seconds,
  xpOverride: row.xp_override,
  content: row.content ?? {},
  options: row.options,
  audio: row.audio,
  lessonIds: row.lesson_ids.map(Number),
  interactionCount: row.interaction_count,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

/** Exercises matching `where` (over `e` and `t`), newest first. */
export async function readExercises(
  em: EntityManager,
  where: string,
  params: unknown[],
  limit = 1000,
): Promise<AdminExerciseView[]> {
  const rows = await em.execute<ExerciseRow[]>(
    `select ${EXERCISE_COLUMNS} from ${EXERCISE_FROM} where ${where} order by e.id desc limit ?`,
    [...params, limit],
  );
  return rows.map(toView);
}

export type LessonExerciseRows = Map<number, LessonExerciseView[]>;

/** The exercises of the lessons `l` (joined to units `u` and sections `s`) matching `where`, by lesson. */
export async function readLessonExercises(
  em: EntityManager,
  where: string,
  params: unknown[],
): Promise<LessonExerciseRows> {
  const rows = await em.execute<
    (ExerciseRow & { lesson_id: string; position: number; is_required: boolean })[]
  >(
    `select le.lesson_id, le.position, le.is_required, ${EXERCISE_COLUMNS}
       from lesson_exercises le join exercises e on e.id = le.exercise_id
       join exercise_types t on t.id = e.exercise_type_id
       join lessons l on l.id = le.lesson_id join units u on u.id = l.unit_id join sections s on s.id = u.section_id
      where ${where} order by le.lesson_id, le.position`,
    params,
  );
  const byLesson: LessonExerciseRows = new Map();
  for (const row of rows) {
    const view = { ...toView(row), position: row.position, isRequired: row.is_required };
    const lessonId = Number(row.lesson_id);
    const list = byLesson.get(lessonId);
    if (list) list.push(view);
    else byLesson.set(lessonId, [view]);
  }
  return byLesson;
}

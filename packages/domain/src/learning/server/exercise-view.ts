import type { EntityManager } from '@mikro-orm/postgresql';
import type { AudioQuality, ExerciseTypeCode } from '../../catalog/universal/exercise-types.ts';
import type { AudioView, ExerciseContent, ExerciseView } from '../universal/lesson-views.ts';
import { shuffleSeeded } from '../universal/seeded-shuffle.ts';

interface ExerciseRow {
  id: string | number;
  position: number;
  is_required: boolean;
  type: ExerciseTypeCode;
  prompt: string;
  difficulty: number;
  time_limit_seconds: number | null;
  hint_count: number;
  content: Record<string, unknown> | null;
  options: { id: number; text: string }[];
  audio: AudioView[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * The type-specific content a learner may see, picked field by field from the stored content:
 * a whitelist, so an answer added to the content later cannot leak by default.
 */
function contentFor(row: ExerciseRow, seed: number): ExerciseContent {
  const content = row.content ?? {};
  switch (row.type) {
    case 'translation':
      return {
        type: row.type,
        sourceText: text(content.sourceText),
        direction: content.direction === 'to_source' ? 'to_source' : 'to_target',
      };
    case 'multiple_choice':
      return { type: row.type, options: row.options };
    case 'listening':
      // The transcript is the answer: only the audio goes out.
      return { type: row.type, audio: row.audio };
    case 'speaking':
      return {
        type: row.type,
        phrase: text(content.phrase),
        translation: text(content.translation),
        audio: row.audio,
      };
    case 'match_pairs': {
      // The stored pairs are the answer: each side is shuffled on its own.
      const pairs: unknown[] = Array.isArray(content.pairs) ? content.pairs : [];
      const side = (key: 'left' | 'right') => pairs.map((pair) => text(field(pair, key)));
      return {
        type: row.type,
        left: shuffleSeeded(side('left'), seed),
        right: shuffleSeeded(side('right'), seed ^ 0x5bd1e995),
      };
    }
    case 'fill_blank':
      return { type: row.type, sentence: text(content.sentence), wordBank: texts(content.wordBank) };
    case 'sort_words':
      return { type: row.type, tiles: texts(content.tiles), translation: text(content.translation) };
  }
}

const AUDIO_ORDER: readonly AudioQuality[] = ['low', 'medium', 'high'];

/**
 * A lesson's exercises as the player shows them, in lesson order, in one query. `seed` fixes
 * the shuffles (the run's id: the same after a reload, different in the next run).
 */
export async function readExerciseViews(
  em: EntityManager,
  lessonId: number,
  seed: number,
): Promise<ExerciseView[]> {
  const rows = await em.execute<ExerciseRow[]>(
    `select e.id, le.position, le.is_required, t.code as type, e.prompt, e.difficulty, e.time_limit_seconds,
            cardinality(e.hints) as hint_count, e.content,
            coalesce((select jsonb_agg(jsonb_build_object('id', o.id, 'text', o.text) order by o.position)
                        from exercise_options o where o.exercise_id = e.id), '[]') as options,
            coalesce((select jsonb_agg(jsonb_build_object('quality', a.quality, 'url', a.url, 'durationMs', a.duration_ms)
                                       order by array_position(?::text[], a.quality::text))
                        from audio_files a where a.exercise_id = e.id), '[]') as audio
       from lesson_exercises le
       join exercises e on e.id = le.exercise_id
       join exercise_types t on t.id = e.exercise_type_id
      where le.lesson_id = ?
      order by le.position`,
    [`{${AUDIO_ORDER.join(',')}}`, lessonId],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    position: row.position,
    required: row.is_required,
    prompt: row.prompt,
    difficulty: row.difficulty,
    timeLimitSeconds: row.time_limit_seconds,
    hintCount: row.hint_count,
    content: contentFor(row, seed * 31 + Number(row.id)),
  }));
}

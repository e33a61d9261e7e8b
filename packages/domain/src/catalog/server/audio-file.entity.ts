import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { AUDIO_QUALITIES } from '../universal/exercise-types.ts';
import { Exercise } from './exercise.entity.ts';

export const AudioFile = defineEntity({
  name: 'AudioFile',
  tableName: 'audio_files',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    exercise: p.manyToOne(Exercise).deleteRule('cascade'),
    url: p.string().length(500),
    quality: p.enum([...AUDIO_QUALITIES]),
    durationMs: p.integer(),
    speaker: p.string().length(100).nullable(),
    createdAt: p.datetime().defaultRaw('now()'),
  }),
  uniques: [{ properties: ['exercise', 'quality'], name: 'audio_files_exercise_quality_unique' }],
  checks: [{ name: 'audio_files_duration_positive', expression: 'duration_ms > 0' }],
});
export type AudioFile = InferEntity<typeof AudioFile>;

import type { AudioQuality, ExerciseTypeCode } from '../../universal/exercise-types.ts';

// The shape of shipped catalog content. The seeder upserts by the stable keys, so editing a title
// and seeding again updates in place, and seeding twice changes nothing.

export interface SeedLanguage {
  /** ISO 639-1. */
  readonly code: string;
  readonly englishName: string;
  readonly nativeName: string;
  readonly flag: string;
}

export interface SeedExerciseType {
  readonly code: ExerciseTypeCode;
  readonly name: string;
  readonly description: string;
  readonly defaultXp: number;
}

export interface SeedAudio {
  /** Path under apps/web/public, served at `/${path}`. */
  readonly path: string;
  readonly quality: AudioQuality;
  readonly durationMs: number;
  readonly speaker: string;
}

export interface SeedOption {
  readonly text: string;
  readonly isCorrect: boolean;
}

export interface SeedExercise {
  /** Stable and unique across the course, e.g. `es-basics-1-greet-mc`. */
  readonly key: string;
  readonly type: ExerciseTypeCode;
  readonly prompt: string;
  readonly correctAnswer: string;
  readonly alternateAnswers?: readonly string[];
  readonly hints?: readonly string[];
  /** 1–5. */
  readonly difficulty: number;
  readonly timeLimitSeconds?: number;
  readonly xpOverride?: number;
  /** Type-specific data: pairs, word bank, blanks, tiles, transcript … (see the course file). */
  readonly content?: Readonly<Record<string, unknown>>;
  /** multiple_choice: exactly one correct. */
  readonly options?: readonly SeedOption[];
  /** listening (and optionally speaking): one file per quality level. */
  readonly audio?: readonly SeedAudio[];
  /** Whether the learner must answer it to finish the lesson (default true). */
  readonly required?: boolean;
}

export interface SeedLesson {
  /** Stable and unique across the course, e.g. `es-basics-1`. */
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly xpReward: number;
  readonly estimatedMinutes: number;
  /** Keys of lessons that must be completed first. */
  readonly prerequisites: readonly string[];
  readonly exercises: readonly SeedExercise[];
}

export interface SeedUnit {
  readonly title: string;
  readonly description: string;
  /** An emoji. */
  readonly icon: string;
  /** `#rrggbb`. */
  readonly color: string;
  readonly lessons: readonly SeedLesson[];
}

export interface SeedSection {
  readonly title: string;
  readonly description: string;
  readonly units: readonly SeedUnit[];
}

export interface SeedCourse {
  readonly fromLanguage: string;
  readonly toLanguage: string;
  readonly title: string;
  readonly description: string;
  readonly sections: readonly SeedSection[];
}

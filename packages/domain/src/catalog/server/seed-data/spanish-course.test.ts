import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AUDIO_QUALITIES,
  EXERCISE_TYPE_CODES,
  type ExerciseTypeCode,
} from '../../universal/exercise-types.ts';
import { SEED_EXERCISE_TYPES } from './exercise-types.ts';
import { SEED_LANGUAGES } from './languages.ts';
import { SPANISH_FOR_ENGLISH_SPEAKERS as course } from './spanish-course.ts';
import type { SeedExercise, SeedLesson } from './types.ts';

const PUBLIC_DIR = new URL('../../../../../../apps/web/public/', import.meta.url);

const units = course.sections.flatMap((section) => section.units);
const lessons = units.flatMap((unit) => unit.lessons);
const exercises = lessons.flatMap((lesson) => lesson.exercises);

function ofType(type: ExerciseTypeCode): readonly SeedExercise[] {
  return exercises.filter((exercise) => exercise.type === type);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(exercise: SeedExercise, name: string): string {
  const value = exercise.content?.[name];
  expect(typeof value, `${exercise.key}: content.${name}`).toBe('string');
  return typeof value === 'string' ? value : '';
}

function stringArrayField(exercise: SeedExercise, name: string): readonly string[] {
  const value = exercise.content?.[name];
  const ok = Array.isArray(value) && value.every((item) => typeof item === 'string');
  expect(ok, `${exercise.key}: content.${name} is a string array`).toBe(true);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function pairsField(exercise: SeedExercise): readonly { left: string; right: string }[] {
  const value = exercise.content?.['pairs'];
  expect(Array.isArray(value), `${exercise.key}: content.pairs is an array`).toBe(true);
  if (!Array.isArray(value)) return [];
  return value.map((pair: unknown) => {
    const ok = isRecord(pair) && typeof pair['left'] === 'string' && typeof pair['right'] === 'string';
    expect(ok, `${exercise.key}: pair ${JSON.stringify(pair)}`).toBe(true);
    return isRecord(pair) && typeof pair['left'] === 'string' && typeof pair['right'] === 'string'
      ? { left: pair['left'], right: pair['right'] }
      : { left: '', right: '' };
  });
}

function sorted(words: readonly string[]): string[] {
  return [...words].sort();
}

describe('SPANISH_FOR_ENGLISH_SPEAKERS', () => {
  it('teaches Spanish to English speakers', () => {
    expect(course.fromLanguage).toBe('en');
    expect(course.toLanguage).toBe('es');
    expect(SEED_LANGUAGES.map((language) => language.code)).toEqual(
      expect.arrayContaining([course.fromLanguage, course.toLanguage]),
    );
  });

  it('has at least 2 sections, 4 units and 12 lessons of 5–8 exercises', () => {
    expect(course.sections.length).toBeGreaterThanOrEqual(2);
    expect(units.length).toBeGreaterThanOrEqual(4);
    expect(lessons.length).toBeGreaterThanOrEqual(12);
    for (const section of course.sections) expect(section.units.length).toBeGreaterThan(0);
    for (const unit of units) {
      expect(unit.lessons.length, unit.title).toBeGreaterThan(0);
      expect(unit.color, unit.title).toMatch(/^#[0-9a-f]{6}$/);
      expect(unit.icon, unit.title).not.toBe('');
    }
    for (const lesson of lessons) {
      expect(lesson.exercises.length, lesson.key).toBeGreaterThanOrEqual(5);
      expect(lesson.exercises.length, lesson.key).toBeLessThanOrEqual(8);
    }
  });

  it('uses every exercise type, several times each', () => {
    for (const type of EXERCISE_TYPE_CODES) expect(ofType(type).length, type).toBeGreaterThanOrEqual(3);
    for (const exercise of exercises) expect(EXERCISE_TYPE_CODES, exercise.key).toContain(exercise.type);
  });

  it('has unique, well-formed keys', () => {
    const keys = [...lessons.map((lesson) => lesson.key), ...exercises.map((exercise) => exercise.key)];
    expect(new Set(keys).size).toBe(keys.length);
    for (const lesson of lessons) {
      expect(lesson.key).toMatch(/^es-[a-z0-9]+(-[a-z0-9]+)*-\d+$/);
      lesson.exercises.forEach((exercise, index) => {
        expect(exercise.key).toBe(`${lesson.key}-${index + 1}`);
      });
    }
  });

  it('chains prerequisites through units and sections', () => {
    let previous: SeedLesson | undefined;
    for (const lesson of lessons) {
      expect(lesson.prerequisites, lesson.key).toEqual(previous ? [previous.key] : []);
      previous = lesson;
    }
  });

  it('has prerequisites that exist, are not self references and form no cycle', () => {
    const byKey = new Map(lessons.map((lesson) => [lesson.key, lesson]));
    for (const lesson of lessons) {
      for (const prerequisite of lesson.prerequisites) {
        expect(byKey.has(prerequisite), `${lesson.key} requires ${prerequisite}`).toBe(true);
        expect(prerequisite, lesson.key).not.toBe(lesson.key);
      }
    }
    const done = new Set<string>();
    const visiting = new Set<string>();
    const visit = (key: string, path: readonly string[]): void => {
      if (done.has(key)) return;
      expect(visiting.has(key), `cycle: ${[...path, key].join(' → ')}`).toBe(false);
      if (visiting.has(key)) return;
      visiting.add(key);
      for (const prerequisite of byKey.get(key)?.prerequisites ?? []) visit(prerequisite, [...path, key]);
      visiting.delete(key);
      done.add(key);
    };
    for (const lesson of lessons) visit(lesson.key, []);
    expect(done.size).toBe(lessons.length);
  });

  it('has positive rewards and durations, and difficulty 1–5 rising gently', () => {
    for (const lesson of lessons) {
      expect(Number.isInteger(lesson.xpReward) && lesson.xpReward > 0, lesson.key).toBe(true);
      expect(Number.isInteger(lesson.estimatedMinutes) && lesson.estimatedMinutes > 0, lesson.key).toBe(true);
      expect(lesson.title, lesson.key).not.toBe('');
    }
    for (const exercise of exercises) {
      expect(Number.isInteger(exercise.difficulty), exercise.key).toBe(true);
      expect(exercise.difficulty, exercise.key).toBeGreaterThanOrEqual(1);
      expect(exercise.difficulty, exercise.key).toBeLessThanOrEqual(5);
      expect(exercise.hints?.length ?? 0, exercise.key).toBeLessThanOrEqual(2);
      expect(exercise.prompt, exercise.key).not.toBe('');
      expect(exercise.correctAnswer, exercise.key).not.toBe('');
      if (exercise.xpOverride !== undefined) expect(exercise.xpOverride, exercise.key).toBeGreaterThan(0);
    }
    const unitMeans = units.map((unit) => {
      const all = unit.lessons.flatMap((lesson) => lesson.exercises.map((exercise) => exercise.difficulty));
      return all.reduce((sum, difficulty) => sum + difficulty, 0) / all.length;
    });
    for (let index = 1; index < unitMeans.length; index += 1) {
      expect(unitMeans[index], `unit ${index + 1}`).toBeGreaterThanOrEqual(unitMeans[index - 1] ?? 0);
    }
  });

  it('translation: prompt, source text and direction', () => {
    const directions = new Set<unknown>();
    for (const exercise of ofType('translation')) {
      const sourceText = stringField(exercise, 'sourceText');
      const direction = exercise.content?.['direction'];
      expect(['to_target', 'to_source'], exercise.key).toContain(direction);
      directions.add(direction);
      expect(exercise.prompt, exercise.key).toBe(`Translate: ${sourceText}`);
      expect(exercise.alternateAnswers ?? [], exercise.key).not.toContain(exercise.correctAnswer);
    }
    expect(directions).toEqual(new Set(['to_target', 'to_source']));
  });

  it('multiple_choice: 3–4 options, exactly one correct, and it is the correct answer', () => {
    for (const exercise of ofType('multiple_choice')) {
      const options = exercise.options ?? [];
      expect(options.length, exercise.key).toBeGreaterThanOrEqual(3);
      expect(options.length, exercise.key).toBeLessThanOrEqual(4);
      const correct = options.filter((option) => option.isCorrect);
      expect(correct.length, exercise.key).toBe(1);
      expect(correct[0]?.text, exercise.key).toBe(exercise.correctAnswer);
      expect(new Set(options.map((option) => option.text)).size, exercise.key).toBe(options.length);
    }
  });

  it('listening: transcript is the answer, one audio file per quality', () => {
    for (const exercise of ofType('listening')) {
      expect(exercise.prompt, exercise.key).toBe('Type what you hear');
      expect(stringField(exercise, 'transcript'), exercise.key).toBe(exercise.correctAnswer);
      expect(stringField(exercise, 'translation'), exercise.key).not.toBe('');
      const qualities = (exercise.audio ?? []).map((audio) => audio.quality);
      expect(sorted(qualities), exercise.key).toEqual(sorted(AUDIO_QUALITIES));
    }
  });

  it('speaking: prompt and answer are the phrase; model audio, if any, has one file per quality', () => {
    for (const exercise of ofType('speaking')) {
      const phrase = stringField(exercise, 'phrase');
      expect(stringField(exercise, 'translation'), exercise.key).not.toBe('');
      expect(exercise.prompt, exercise.key).toBe(`Say: ${phrase}`);
      expect(exercise.correctAnswer, exercise.key).toBe(phrase);
      const qualities = (exercise.audio ?? []).map((audio) => audio.quality);
      expect(new Set(qualities).size, exercise.key).toBe(qualities.length);
    }
  });

  it('every referenced audio file exists, has a positive duration and a speaker', () => {
    const withAudio = exercises.filter((exercise) => (exercise.audio ?? []).length > 0);
    expect(withAudio.length).toBeGreaterThan(0);
    for (const exercise of withAudio) {
      expect(['listening', 'speaking'], exercise.key).toContain(exercise.type);
      for (const audio of exercise.audio ?? []) {
        expect(audio.path).toBe(`audio/es/${exercise.key}-${audio.quality}.ogg`);
        expect(existsSync(fileURLToPath(new URL(audio.path, PUBLIC_DIR))), audio.path).toBe(true);
        expect(audio.durationMs, audio.path).toBeGreaterThan(0);
        expect(audio.speaker, audio.path).toMatch(/^espeak-ng:es/);
      }
    }
  });

  it('audio-phrases.json matches the transcripts and phrases that have audio', () => {
    const parsed: unknown = JSON.parse(
      readFileSync(fileURLToPath(new URL('./audio-phrases.json', import.meta.url)), 'utf8'),
    );
    expect(Array.isArray(parsed)).toBe(true);
    const phrases = new Map<string, { text: unknown; voice: unknown }>();
    for (const entry of Array.isArray(parsed) ? parsed : []) {
      if (isRecord(entry) && typeof entry['key'] === 'string') {
        phrases.set(entry['key'], { text: entry['text'], voice: entry['voice'] });
      }
    }
    const withAudio = exercises.filter((exercise) => (exercise.audio ?? []).length > 0);
    expect(sorted([...phrases.keys()])).toEqual(sorted(withAudio.map((exercise) => exercise.key)));
    for (const exercise of withAudio) {
      const phrase = phrases.get(exercise.key);
      const text =
        exercise.type === 'listening' ? exercise.content?.['transcript'] : exercise.content?.['phrase'];
      expect(phrase?.text, exercise.key).toBe(text);
      for (const audio of exercise.audio ?? []) {
        expect(audio.speaker, exercise.key).toBe(`espeak-ng:${String(phrase?.voice)}`);
      }
    }
  });

  it('match_pairs: 4–5 pairs and the answer is their serialisation', () => {
    for (const exercise of ofType('match_pairs')) {
      const pairs = pairsField(exercise);
      expect(pairs.length, exercise.key).toBeGreaterThanOrEqual(4);
      expect(pairs.length, exercise.key).toBeLessThanOrEqual(5);
      for (const { left, right } of pairs) {
        expect(`${left}${right}`, exercise.key).not.toMatch(/[=|]/);
        expect(left.trim() !== '' && right.trim() !== '', exercise.key).toBe(true);
      }
      expect(new Set(pairs.map((pair) => pair.left)).size, exercise.key).toBe(pairs.length);
      expect(new Set(pairs.map((pair) => pair.right)).size, exercise.key).toBe(pairs.length);
      expect(exercise.correctAnswer, exercise.key).toBe(
        pairs.map(({ left, right }) => `${left}=${right}`).join('|'),
      );
    }
  });

  it('fill_blank: exactly one blank and the answer is in the word bank', () => {
    for (const exercise of ofType('fill_blank')) {
      const sentence = stringField(exercise, 'sentence');
      const wordBank = stringArrayField(exercise, 'wordBank');
      expect(sentence.split('___').length - 1, exercise.key).toBe(1);
      expect(wordBank, exercise.key).toContain(exercise.correctAnswer);
      expect(new Set(wordBank).size, exercise.key).toBe(wordBank.length);
      expect(wordBank.length, exercise.key).toBeGreaterThanOrEqual(2);
    }
  });

  it('sort_words: the tiles are a shuffled permutation of the answer', () => {
    for (const exercise of ofType('sort_words')) {
      const tiles = stringArrayField(exercise, 'tiles');
      expect(stringField(exercise, 'translation'), exercise.key).not.toBe('');
      expect(sorted(tiles), exercise.key).toEqual(sorted(exercise.correctAnswer.split(' ')));
      expect(tiles.join(' '), `${exercise.key} is not shuffled`).not.toBe(exercise.correctAnswer);
    }
  });
});

describe('SEED_LANGUAGES', () => {
  it('has 10 languages with unique ISO 639-1 codes', () => {
    expect(SEED_LANGUAGES).toHaveLength(10);
    const codes = SEED_LANGUAGES.map((language) => language.code);
    expect(new Set(codes).size).toBe(10);
    for (const language of SEED_LANGUAGES) {
      expect(language.code).toMatch(/^[a-z]{2}$/);
      expect(language.englishName).not.toBe('');
      expect(language.nativeName).not.toBe('');
      expect(language.flag).not.toBe('');
    }
  });
});

describe('SEED_EXERCISE_TYPES', () => {
  it('has each exercise type code once with a positive default XP', () => {
    expect(sorted(SEED_EXERCISE_TYPES.map((type) => type.code))).toEqual(sorted(EXERCISE_TYPE_CODES));
    for (const type of SEED_EXERCISE_TYPES) {
      expect(Number.isInteger(type.defaultXp) && type.defaultXp > 0, type.code).toBe(true);
      expect(type.name, type.code).not.toBe('');
      expect(type.description, type.code).not.toBe('');
    }
  });
});

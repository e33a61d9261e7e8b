import { describe, expect, it } from 'vitest';
import { exerciseProblems } from '../universal/exercise-content.ts';
import { SPANISH_FOR_ENGLISH_SPEAKERS } from './seed-data/spanish-course.ts';

// The admin editor's exercise rules and the shipped course agree, so every shipped exercise can be
// opened and saved in the editor unchanged.
describe('the shipped course under the editor rules', () => {
  it('has no exercise the editor would refuse', () => {
    const exercises = SPANISH_FOR_ENGLISH_SPEAKERS.sections.flatMap((section) =>
      section.units.flatMap((unit) => unit.lessons.flatMap((lesson) => lesson.exercises)),
    );
    expect(exercises.length).toBeGreaterThan(0);
    for (const exercise of exercises) {
      const draft = {
        ...exercise,
        content: exercise.content ?? {},
        options: exercise.options ?? [],
        audio: exercise.audio ?? [],
      };
      expect(exerciseProblems(draft), exercise.key).toEqual([]);
    }
  });
});

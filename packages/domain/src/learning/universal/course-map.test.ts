import { describe, expect, it } from 'vitest';
import { lessonMapStatus } from './course-map.ts';
import { scoreLessonRun } from './lesson-views.ts';

describe('lessonMapStatus', () => {
  const requires = new Map([
    [2, [1]],
    [3, [1, 2]],
  ]);
  it.each([
    [1, [], 'unlocked'],
    [2, [], 'locked'],
    [2, [1], 'unlocked'],
    [3, [1], 'locked'],
    [3, [1, 2, 3], 'completed'],
    // A completed lesson stays completed (open for practice) even if its prerequisites change.
    [2, [2], 'completed'],
  ] as const)('lesson %i with %j completed is %s', (lesson, completed, status) => {
    expect(lessonMapStatus(lesson, requires, new Set<number>(completed))).toBe(status);
  });
});

describe('scoreLessonRun', () => {
  it.each([
    [7, 0, 100],
    [7, 7, 50],
    [2, 1, 67],
    [0, 0, 100],
    [0, 3, 0],
  ])('%i right and %i wrong score %i', (correct, mistakes, score) => {
    expect(scoreLessonRun(correct, mistakes)).toBe(score);
  });
});

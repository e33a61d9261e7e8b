import { describe, expect, it } from 'vitest';
import { exerciseProblems, type ExerciseDraft } from './exercise-content.ts';

const mc: ExerciseDraft = {
  type: 'multiple_choice',
  correctAnswer: 'Hola',
  content: {},
  options: [
    { text: 'Hola', isCorrect: true },
    { text: 'Adiós', isCorrect: false },
  ],
  audio: [],
};
const pairs = [
  { left: 'hola', right: 'hello' },
  { left: 'adiós', right: 'goodbye' },
];
const matchPairs: ExerciseDraft = {
  type: 'match_pairs',
  correctAnswer: 'hola=hello|adiós=goodbye',
  content: { pairs },
  options: [],
  audio: [],
};
const listening: ExerciseDraft = {
  type: 'listening',
  correctAnswer: 'Hola.',
  content: { transcript: 'Hola.', translation: 'Hello.' },
  options: [],
  audio: [{ quality: 'low' }],
};

const paths = (draft: ExerciseDraft) => exerciseProblems(draft).map((problem) => problem.path.join('.'));

describe('exerciseProblems', () => {
  it.each<[string, ExerciseDraft, string[]]>([
    ['a valid multiple choice', mc, []],
    [
      'two correct options',
      { ...mc, options: mc.options.map((o) => ({ ...o, isCorrect: true })) },
      ['options'],
    ],
    [
      'no correct option',
      { ...mc, options: mc.options.map((o) => ({ ...o, isCorrect: false })) },
      ['options'],
    ],
    ['an answer that is not the correct option', { ...mc, correctAnswer: 'Adiós' }, ['correctAnswer']],
    ['one option only', { ...mc, options: [{ text: 'Hola', isCorrect: true }] }, ['options']],
    [
      'options repeated in another case',
      { ...mc, options: [...mc.options, { text: 'HOLA', isCorrect: false }] },
      ['options.2.text'],
    ],
    ['content on a multiple choice', { ...mc, content: { sourceText: 'x' } }, ['content']],
    [
      'options on a translation',
      { ...mc, type: 'translation', content: { sourceText: 'Hi', direction: 'to_target' } },
      ['options'],
    ],
    [
      'an unknown direction',
      { ...mc, type: 'translation', options: [], content: { sourceText: 'Hi', direction: 'up' } },
      ['content.direction'],
    ],
    ['valid pairs', matchPairs, []],
    [
      'pairs not matching the answer',
      { ...matchPairs, correctAnswer: 'hola=goodbye|adiós=hello' },
      ['correctAnswer'],
    ],
    [
      'a pair with "="',
      {
        ...matchPairs,
        content: { pairs: [...pairs, { left: 'a=b', right: 'c' }] },
        correctAnswer: 'hola=hello|adiós=goodbye|a=b=c',
      },
      ['content.pairs'],
    ],
    ['a valid listening', listening, []],
    ['listening without audio', { ...listening, audio: [] }, ['audio']],
    [
      'listening with two low files',
      { ...listening, audio: [{ quality: 'low' }, { quality: 'low' }] },
      ['audio'],
    ],
    ['an answer that is not the transcript', { ...listening, correctAnswer: 'Adiós.' }, ['correctAnswer']],
    ['audio on a multiple choice', { ...mc, audio: [{ quality: 'high' }] }, ['audio']],
    [
      'speaking whose answer is not the phrase',
      {
        type: 'speaking',
        correctAnswer: 'Hola',
        content: { phrase: 'Adiós', translation: 'Bye' },
        options: [],
        audio: [],
      },
      ['correctAnswer'],
    ],
    [
      'a blank twice',
      {
        type: 'fill_blank',
        correctAnswer: 'días',
        content: { sentence: '___ ___', wordBank: ['días', 'noches'] },
        options: [],
        audio: [],
      },
      ['content.sentence'],
    ],
    [
      'an answer outside the word bank',
      {
        type: 'fill_blank',
        correctAnswer: 'tardes',
        content: { sentence: '¡Buenas ___!', wordBank: ['días', 'noches'] },
        options: [],
        audio: [],
      },
      ['correctAnswer'],
    ],
    [
      'tiles that are not the answer',
      {
        type: 'sort_words',
        correctAnswer: 'Buenas noches',
        content: { tiles: ['noches', 'Buenos'], translation: 'Good night' },
        options: [],
        audio: [],
      },
      ['correctAnswer'],
    ],
    [
      'a word twice in the bank',
      {
        type: 'fill_blank',
        correctAnswer: 'días',
        content: { sentence: '___', wordBank: ['días', 'días'] },
        options: [],
        audio: [],
      },
      ['content.wordBank'],
    ],
  ])('%s', (_name, draft, expected) => {
    expect(paths(draft)).toEqual(expected);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerLength, isWithinOneEdit, normalizeAnswer } from './answer-text.ts';
import { osaDistance } from './testing/edit-distance.ts';

describe('normalizeAnswer', () => {
  it.each([
    ['  Hola,   buenos días. ', 'hola, buenos días'],
    ['¡HOLA!', 'hola'],
    ['¿Cómo estás?', 'cómo estás'],
    ['¿ Y tú ? ', 'y tú'],
    ['Muy bien, gracias. ¿Y tú?', 'muy bien, gracias. ¿y tú'],
    ['Espera…', 'espera'],
    ['I don’t like', "i don't like"],
    ['STRASSE', 'strasse'],
    ['straße', 'strasse'],
    ['Buenas\tnoches\n', 'buenas noches'],
    ['e\u0301', 'é'],
    ['...', ''],
  ])('%j → %j', (input, output) => {
    expect(normalizeAnswer(input)).toBe(output);
  });

  it('keeps accents: está and esta differ', () => {
    expect(normalizeAnswer('Está')).not.toBe(normalizeAnswer('esta'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normalizeAnswer(text);
        expect(normalizeAnswer(once)).toBe(once);
      }),
    );
  });

  it('counts characters, not UTF-16 units', () => {
    expect(answerLength('día')).toBe(3);
    expect(answerLength('😀')).toBe(1);
  });
});

describe('isWithinOneEdit', () => {
  it.each([
    ['buenos días', 'buenos días', true],
    ['buenos días', 'buenos dias', true],
    ['buenos días', 'buenos dís', true],
    ['buenos días', 'buenos díass', true],
    ['buenos días', 'bueons días', true],
    ['buenos días', 'bueons dias', false],
    ['abc', 'ca', false],
    ['ab', 'ba', true],
    ['', 'a', true],
    ['', 'ab', false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(isWithinOneEdit(a, b)).toBe(expected);
    expect(isWithinOneEdit(b, a)).toBe(expected);
  });

  it('agrees with the dynamic-programming distance', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ñ', 'é'), maxLength: 7 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(isWithinOneEdit(a, b)).toBe(osaDistance(a, b) <= 1);
      }),
      { numRuns: 2000 },
    );
  });
});

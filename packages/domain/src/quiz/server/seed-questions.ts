import type { EntityManager } from '@mikro-orm/postgresql';
import { readFileSync } from 'node:fs';
import { shippedDomainFile } from '../../database/server/shipped-files.ts';
import { importQuestions, type QuestionImportReport } from './import-questions.ts';

/** The shipped question bank, loaded through the same importer as an admin's CSV. */
export async function seedQuestionBank(em: EntityManager): Promise<QuestionImportReport> {
  const csv = readFileSync(shippedDomainFile('quiz/server/seed-data/question-bank.csv'), 'utf8');
  const report = await importQuestions(em, csv);
  if (report.errors.length) {
    throw new Error(
      `the shipped question bank has ${report.errors.length} invalid rows, first: line ${report.errors[0]?.line}`,
    );
  }
  return report;
}

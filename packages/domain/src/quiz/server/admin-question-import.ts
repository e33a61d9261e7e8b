import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { auditedChange } from '../../audit/server/audited-change.ts';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  buildImportReport,
  importQuestionsInputSchema,
  type ImportQuestionsInput,
  type ImportReport,
} from '../universal/question-import.ts';
import { importQuestions, type QuestionImportReport } from './import-questions.ts';

/** Thrown to roll a dry run back; never leaves this module. */
class DryRunRollback extends Error {
  constructor(readonly outcome: QuestionImportReport) {
    super('dry run: rolled back');
  }
}

/**
 * A dry run goes through the very same upserts as a real import (so its report cannot disagree
 * with one) inside a transaction that is then rolled back.
 */
async function importRolledBack(em: EntityManager, csv: string): Promise<QuestionImportReport> {
  try {
    await em.transactional(async (tx) => {
      throw new DryRunRollback(await importQuestions(tx, csv));
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.outcome;
    throw error;
  }
  throw new Error('a dry run was not rolled back');
}

/**
 * Imports one CSV file or chunk (each with its own header row) through the shared importer: valid
 * rows are upserted by `question_id`, so importing the same rows again changes nothing. One audit
 * row per import that changed the bank, with the counts, the file's name and its SHA-256.
 */
export async function importQuestionFile(
  em: EntityManager,
  actor: AdminActor,
  raw: ImportQuestionsInput,
): Promise<ImportReport> {
  const input = parseInput(importQuestionsInputSchema, raw);
  const fileHash = createHash('sha256').update(input.csv).digest('hex');
  const meta = { dryRun: input.dryRun, fileName: input.fileName, fileHash, lineOffset: input.lineOffset };
  if (input.dryRun) return buildImportReport(await importRolledBack(em, input.csv), meta);
  return auditedChange(em, actor, async (tx) => {
    const report = buildImportReport(await importQuestions(tx, input.csv), meta);
    const changed = report.totals.created + report.totals.updated > 0;
    const after = { fileName: input.fileName, fileHash, lineOffset: input.lineOffset, ...report.totals };
    return {
      result: report,
      audit: changed
        ? {
            action: 'question.import',
            entityType: 'question_import',
            entityId: fileHash,
            before: null,
            after,
          }
        : null,
    };
  });
}

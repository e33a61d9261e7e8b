import type { EntityManager } from '@mikro-orm/postgresql';
import { auditedChange, updateAudit } from '../../audit/server/audited-change.ts';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  createLanguageInputSchema,
  updateLanguageInputSchema,
  type CreateLanguageInput,
  type LanguageView,
  type UpdateLanguageInput,
} from '../universal/admin-courses.ts';
import { byIdSchema, type ById, type Deleted } from '../../shared/universal/admin-fields.ts';
import { CATALOG_VIOLATIONS, languageInUse, notFound } from './admin-catalog-errors.ts';
import { readLanguages } from './admin-catalog-reads.ts';
import { insertRow, patchRow } from '../../shared/server/admin-rows.ts';

// Languages hold no learner data: a language no course uses can be deleted outright.

export const listLanguages = (em: EntityManager): Promise<LanguageView[]> => readLanguages(em);

async function requireLanguage(em: EntityManager, id: number): Promise<LanguageView> {
  const [language] = await readLanguages(em, id);
  if (!language) throw notFound('LANGUAGE', 'id');
  return language;
}

export async function createLanguage(
  em: EntityManager,
  actor: AdminActor,
  rawInput: CreateLanguageInput,
): Promise<LanguageView> {
  const input = parseInput(createLanguageInputSchema, rawInput);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      const id = await insertRow(tx, 'languages', {
        code: input.code,
        english_name: input.englishName,
        native_name: input.nativeName,
        flag: input.flag,
        created_at: actor.now,
      });
      const after = await requireLanguage(tx, id);
      return {
        result: after,
        audit: { action: 'language.create', entityType: 'language', entityId: id, before: null, after },
      };
    },
    CATALOG_VIOLATIONS,
  );
}

export async function updateLanguage(
  em: EntityManager,
  actor: AdminActor,
  rawInput: UpdateLanguageInput,
): Promise<LanguageView> {
  const input = parseInput(updateLanguageInputSchema, rawInput);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await tx.execute('select id from languages where id = ? for no key update', [input.id]);
      const before = await requireLanguage(tx, input.id);
      await patchRow(tx, 'languages', input.id, {
        code: input.code,
        english_name: input.englishName,
        native_name: input.nativeName,
        flag: input.flag,
      });
      const after = await requireLanguage(tx, input.id);
      return { result: after, audit: updateAudit('language.update', 'language', input.id, before, after) };
    },
    CATALOG_VIOLATIONS,
  );
}

export async function deleteLanguage(em: EntityManager, actor: AdminActor, rawInput: ById): Promise<Deleted> {
  const { id } = parseInput(byIdSchema, rawInput);
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await tx.execute('select id from languages where id = ? for update', [id]);
      const before = await requireLanguage(tx, id);
      if (before.courseCount > 0) throw languageInUse();
      await tx.execute('delete from languages where id = ?', [id]);
      return {
        result: { id, deleted: true as const },
        audit: { action: 'language.delete', entityType: 'language', entityId: id, before, after: null },
      };
    },
    CATALOG_VIOLATIONS,
  );
}

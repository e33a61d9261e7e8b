import type { EntityManager } from '@mikro-orm/postgresql';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import { byIdSchema, type ById, type Deleted, type Reordered } from '../../shared/universal/admin-fields.ts';
import {
  createSectionInputSchema,
  createUnitInputSchema,
  reorderSectionsInputSchema,
  reorderUnitsInputSchema,
  updateSectionInputSchema,
  updateUnitInputSchema,
  type CreateSectionInput,
  type CreateUnitInput,
  type ReorderSectionsInput,
  type ReorderUnitsInput,
  type SectionView,
  type UnitView,
  type UpdateSectionInput,
  type UpdateUnitInput,
} from '../universal/admin-sections.ts';
import { readSections, readUnits } from './admin-catalog-reads.ts';
import {
  createOrdered,
  deleteOrdered,
  reorderOrdered,
  updateOrdered,
  type OrderedContent,
} from './admin-ordered-content.ts';
import { SECTIONS_OF_COURSE, UNITS_OF_SECTION } from './positions.ts';

// Sections of a course and units of a section (listed with the course tree, `getCourseTree`).

const SECTIONS: OrderedContent<SectionView> = {
  children: { ...SECTIONS_OF_COURSE, idColumn: 'id' },
  thing: 'SECTION',
  entityType: 'section',
  read: async (em, id) => (await readSections(em, 's.id = ?', [id]))[0],
  parentIdOf: (section) => section.courseId,
};

const UNITS: OrderedContent<UnitView> = {
  children: { ...UNITS_OF_SECTION, idColumn: 'id' },
  thing: 'UNIT',
  entityType: 'unit',
  read: async (em, id) => (await readUnits(em, 'u.id = ?', [id]))[0],
  parentIdOf: (unit) => unit.sectionId,
};

export function createSection(em: EntityManager, actor: AdminActor, raw: CreateSectionInput) {
  const input = parseInput(createSectionInputSchema, raw);
  return createOrdered(
    em,
    actor,
    SECTIONS,
    { parentId: input.courseId, position: input.position },
    { title: input.title, description: input.description },
  );
}

export function updateSection(em: EntityManager, actor: AdminActor, raw: UpdateSectionInput) {
  const input = parseInput(updateSectionInputSchema, raw);
  return updateOrdered(em, actor, SECTIONS, input.id, { title: input.title, description: input.description });
}

export function deleteSection(em: EntityManager, actor: AdminActor, raw: ById): Promise<Deleted> {
  return deleteOrdered(em, actor, SECTIONS, parseInput(byIdSchema, raw).id);
}

export function reorderSections(
  em: EntityManager,
  actor: AdminActor,
  raw: ReorderSectionsInput,
): Promise<Reordered> {
  const input = parseInput(reorderSectionsInputSchema, raw);
  return reorderOrdered(em, actor, SECTIONS.children, input.courseId, input.orderedIds);
}

export function createUnit(em: EntityManager, actor: AdminActor, raw: CreateUnitInput) {
  const input = parseInput(createUnitInputSchema, raw);
  return createOrdered(
    em,
    actor,
    UNITS,
    { parentId: input.sectionId, position: input.position },
    { title: input.title, description: input.description, icon: input.icon, color: input.color },
  );
}

export function updateUnit(em: EntityManager, actor: AdminActor, raw: UpdateUnitInput) {
  const input = parseInput(updateUnitInputSchema, raw);
  return updateOrdered(em, actor, UNITS, input.id, {
    title: input.title,
    description: input.description,
    icon: input.icon,
    color: input.color,
  });
}

export function deleteUnit(em: EntityManager, actor: AdminActor, raw: ById): Promise<Deleted> {
  return deleteOrdered(em, actor, UNITS, parseInput(byIdSchema, raw).id);
}

export function reorderUnits(
  em: EntityManager,
  actor: AdminActor,
  raw: ReorderUnitsInput,
): Promise<Reordered> {
  const input = parseInput(reorderUnitsInputSchema, raw);
  return reorderOrdered(em, actor, UNITS.children, input.sectionId, input.orderedIds);
}

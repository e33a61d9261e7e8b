import type { EntityManager } from '@mikro-orm/postgresql';
import { auditedChange, updateAudit } from '../../audit/server/audited-change.ts';
import type { AdminActor } from '../../audit/server/record-admin-action.ts';
import type { SqlValue } from '../../database/server/upsert.ts';
import type { Deleted, Reordered } from '../../shared/universal/admin-fields.ts';
import {
  CATALOG_VIOLATIONS,
  hasLearnerProgress,
  notFound,
  type CatalogThing,
} from './admin-catalog-errors.ts';
import { insertRow, patchRow } from '../../shared/server/admin-rows.ts';
import { lockedContentHasProgress, type ContentScope } from './learner-progress.ts';
import { claimPosition, closeGap, lockParent, reorderChildren, type OrderedChildren } from './positions.ts';

// Sections, units and lessons are edited the same way: created at a position within their parent,
// patched, reordered, and deleted only while no learner has progress in them. The schema has no
// archive flag below the course, and a delete would cascade learners' lesson progress and runs
// (their XP ledger stays), so content learners have used is retired by unpublishing the course.

export interface OrderedContent<View extends { readonly id: number; readonly position: number }> {
  readonly children: OrderedChildren & { readonly idColumn: 'id' };
  readonly thing: CatalogThing;
  readonly entityType: ContentScope;
  readonly read: (em: EntityManager, id: number) => Promise<View | undefined>;
  readonly parentIdOf: (view: View) => number;
}

type Values = Readonly<Record<string, SqlValue | undefined>>;

async function requireView<View extends { id: number; position: number }>(
  em: EntityManager,
  spec: OrderedContent<View>,
  id: number,
): Promise<View> {
  const view = await spec.read(em, id);
  if (!view) throw notFound(spec.thing, 'id');
  return view;
}

export function createOrdered<View extends { id: number; position: number }>(
  em: EntityManager,
  actor: AdminActor,
  spec: OrderedContent<View>,
  placement: { readonly parentId: number; readonly position: number | undefined },
  values: Values,
): Promise<View> {
  const { table, parentColumn } = spec.children;
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await lockParent(tx, spec.children, placement.parentId);
      const position = await claimPosition(tx, spec.children, placement.parentId, placement.position);
      const id = await insertRow(tx, table, {
        ...values,
        [parentColumn]: placement.parentId,
        position,
        created_at: actor.now,
        updated_at: actor.now,
      });
      const after = await requireView(tx, spec, id);
      const audit = { action: `${spec.entityType}.create`, entityType: spec.entityType, entityId: id };
      return { result: after, audit: { ...audit, before: null, after } };
    },
    CATALOG_VIOLATIONS,
  );
}

export function updateOrdered<View extends { id: number; position: number }>(
  em: EntityManager,
  actor: AdminActor,
  spec: OrderedContent<View>,
  id: number,
  patch: Values,
): Promise<View> {
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await tx.execute(`select id from ${spec.children.table} where id = ? for no key update`, [id]);
      const before = await requireView(tx, spec, id);
      await patchRow(tx, spec.children.table, id, patch);
      const after = await requireView(tx, spec, id);
      return {
        result: after,
        audit: updateAudit(`${spec.entityType}.update`, spec.entityType, id, before, after),
      };
    },
    CATALOG_VIOLATIONS,
  );
}

export function deleteOrdered<View extends { id: number; position: number }>(
  em: EntityManager,
  actor: AdminActor,
  spec: OrderedContent<View>,
  id: number,
): Promise<Deleted> {
  return auditedChange(
    em,
    actor,
    async (tx) => {
      const parentId = spec.parentIdOf(await requireView(tx, spec, id));
      await lockParent(tx, spec.children, parentId);
      const before = await requireView(tx, spec, id);
      if (await lockedContentHasProgress(tx, spec.entityType, id)) throw hasLearnerProgress(spec.thing);
      await tx.execute(`delete from ${spec.children.table} where id = ?`, [id]);
      await closeGap(tx, spec.children, parentId, before.position);
      const audit = { action: `${spec.entityType}.delete`, entityType: spec.entityType, entityId: id };
      return { result: { id, deleted: true as const }, audit: { ...audit, before, after: null } };
    },
    CATALOG_VIOLATIONS,
  );
}

/** Reorders the children of one parent; audited on the parent, with the order before and after. */
export function reorderOrdered(
  em: EntityManager,
  actor: AdminActor,
  children: OrderedChildren,
  parentId: number,
  orderedIds: readonly number[],
): Promise<Reordered> {
  return auditedChange(
    em,
    actor,
    async (tx) => {
      await lockParent(tx, children, parentId);
      const { before, after } = await reorderChildren(tx, children, parentId, orderedIds);
      const audit = updateAudit(
        `${children.parentType}.reorder_${children.table}`,
        children.parentType,
        parentId,
        { orderedIds: before },
        { orderedIds: after },
      );
      return { result: { parentId, orderedIds: after }, audit };
    },
    CATALOG_VIOLATIONS,
  );
}

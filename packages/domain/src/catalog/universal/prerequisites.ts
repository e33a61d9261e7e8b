// The prerequisite graph: a lesson requires other lessons; it must stay a DAG (PostgreSQL refuses
// a cycle on write too: trigger lesson_prerequisites_acyclic).

/** `lessonId` requires `requiredLessonId` to be completed first. */
export interface PrerequisiteEdge<Id> {
  readonly lessonId: Id;
  readonly requiredLessonId: Id;
}

export type PrerequisitesOf<Id> = ReadonlyMap<Id, readonly Id[]>;

/** The prerequisites of `lessonId` not yet completed, in their given order. */
export function missingPrerequisites<Id>(
  lessonId: Id,
  prerequisitesOf: PrerequisitesOf<Id>,
  completed: ReadonlySet<Id>,
): readonly Id[] {
  return (prerequisitesOf.get(lessonId) ?? []).filter((required) => !completed.has(required));
}

/** A lesson is unlocked when all its (direct) prerequisites are completed. */
export function isLessonUnlocked<Id>(
  lessonId: Id,
  prerequisitesOf: PrerequisitesOf<Id>,
  completed: ReadonlySet<Id>,
): boolean {
  return missingPrerequisites(lessonId, prerequisitesOf, completed).length === 0;
}

/** Groups edges by lesson. */
export function prerequisiteMap<Id>(edges: readonly PrerequisiteEdge<Id>[]): Map<Id, Id[]> {
  const map = new Map<Id, Id[]>();
  for (const edge of edges) {
    const list = map.get(edge.lessonId);
    if (list) list.push(edge.requiredLessonId);
    else map.set(edge.lessonId, [edge.requiredLessonId]);
  }
  return map;
}

/**
 * True when adding `newEdge` would close a cycle: the lesson would (transitively) require itself,
 * i.e. the required lesson already depends on the lesson, or the edge points to itself.
 */
export function wouldCreateCycle<Id>(
  edges: readonly PrerequisiteEdge<Id>[],
  newEdge: PrerequisiteEdge<Id>,
): boolean {
  const requires = prerequisiteMap(edges);
  const seen = new Set<Id>();
  const stack: Id[] = [newEdge.requiredLessonId];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next === newEdge.lessonId) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(requires.get(next) ?? []));
  }
  return false;
}

/**
 * Every lesson named in `edges` (and `nodes`) ordered so each comes after all its prerequisites
 * (Kahn's algorithm, ties in first-seen order). Throws a RangeError when the edges hold a cycle.
 */
export function topologicalOrder<Id>(
  edges: readonly PrerequisiteEdge<Id>[],
  nodes: readonly Id[] = [],
): Id[] {
  const waitingOn = new Map<Id, number>();
  const dependants = new Map<Id, Id[]>();
  for (const node of nodes) waitingOn.set(node, waitingOn.get(node) ?? 0);
  for (const { lessonId, requiredLessonId } of edges) {
    waitingOn.set(requiredLessonId, waitingOn.get(requiredLessonId) ?? 0);
    waitingOn.set(lessonId, (waitingOn.get(lessonId) ?? 0) + 1);
    const list = dependants.get(requiredLessonId);
    if (list) list.push(lessonId);
    else dependants.set(requiredLessonId, [lessonId]);
  }
  const ready = [...waitingOn].filter(([, count]) => count === 0).map(([node]) => node);
  const order: Id[] = [];
  // The queue grows while it is walked: for…of visits what is pushed during the walk.
  for (const node of ready) {
    order.push(node);
    for (const dependant of dependants.get(node) ?? []) {
      const left = (waitingOn.get(dependant) ?? 0) - 1;
      waitingOn.set(dependant, left);
      if (left === 0) ready.push(dependant);
    }
  }
  if (order.length !== waitingOn.size) throw new RangeError('the prerequisite graph holds a cycle');
  return order;
}

import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { getReactionsTab, reactionsTabFloorQuery, reactionsTabPageQuery } from './reactions.ts';
import { insertPosts, newLearner } from './testing/social-factory.ts';

const db = useTestDatabase();

// 1,000,000 reactions: 50 learners × 4000 posts × 5 kinds, timestamps with many ties.
const LEARNERS = 50;
const POSTS = 4000;
let heavyUser = 0;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Presorted Key'?: string[];
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

async function planOf(query: { sql: string; params: unknown[] }): Promise<PlanNode[]> {
  const [row] = await db
    .em()
    .execute<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(`explain (format json) ${query.sql}`, query.params);
  const plan = row?.['QUERY PLAN'][0].Plan;
  if (!plan) throw new Error('no plan');
  return nodesOf(plan);
}

function expectIndexRangeScanWithoutSort(nodes: PlanNode[]): void {
  const onReactions = nodes.filter((node) => node['Relation Name'] === 'reactions');
  expect(onReactions.some((node) => node['Index Name'] === 'ix_reactions_user_created')).toBe(true);
  expect(onReactions.filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
  // The order comes from the index: no full Sort. The index has no id, so an Incremental Sort
  // puts each group of equal created_at in id order as it streams past (a few rows at a time).
  expect(nodes.filter((node) => node['Node Type'] === 'Sort')).toEqual([]);
  for (const node of nodes.filter((n) => n['Node Type'] === 'Incremental Sort')) {
    expect(node['Presorted Key']?.[0]).toMatch(/created_at$/);
  }
}

beforeAll(async () => {
  const author = await newLearner(db.em());
  await insertPosts(db.em(), author.id, POSTS);
  const learners = [];
  for (let i = 0; i < LEARNERS; i += 1) learners.push((await newLearner(db.em())).id);
  heavyUser = learners[0] ?? 0;
  await db.em().execute(
    `insert into reactions (user_id, post_id, kind, created_at)
     select u, p.id, k, timestamptz '2026-01-01' + ((p.id * 7 + u * 13) % 50000) * interval '1 second'
       from unnest(?::bigint[]) as u
       cross join (select id from posts where author_id = ?) p
       cross join unnest(array['like', 'love', 'celebrate', 'insightful', 'funny']) as k`,
    [`{${learners.join(',')}}`, author.id],
  );
  await db.em().execute('analyze reactions');
}, 240_000);

describe('the reactions tab at 1,000,000 reactions', () => {
  it('has them all', async () => {
    const [row] = await db.em().execute<{ n: string }[]>('select count(*) as n from reactions');
    expect(Number(row?.n)).toBe(LEARNERS * POSTS * 5);
  });

  it('reads the first page, a later page and the floor along ix_reactions_user_created, without a sort', async () => {
    const floorQuery = reactionsTabFloorQuery(heavyUser);
    expectIndexRangeScanWithoutSort(await planOf(floorQuery));
    const [floorRow] = await db.em().execute<{ at: string; id: string }[]>(floorQuery.sql, floorQuery.params);
    const floor = floorRow ? { at: floorRow.at, id: Number(floorRow.id) } : null;
    expect(floor).not.toBeNull();
    expectIndexRangeScanWithoutSort(await planOf(reactionsTabPageQuery(heavyUser, null, floor, 21)));
    const first = await getReactionsTab(db.em(), heavyUser, { limit: 20 });
    const cursorRow = await db.em().execute<{ at: string; id: string }[]>(
      `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id
           from reactions where user_id = ? order by created_at desc, id desc offset 4000 limit 1`,
      [heavyUser],
    );
    const after = { at: cursorRow[0]?.at ?? '', id: Number(cursorRow[0]?.id) };
    expectIndexRangeScanWithoutSort(await planOf(reactionsTabPageQuery(heavyUser, after, floor, 21)));
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
  });

  it('pages through the whole window of one learner: every post once, newest first', async () => {
    const started = performance.now();
    const seen = new Set<number>();
    let previous = Number.POSITIVE_INFINITY;
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await getReactionsTab(db.em(), heavyUser, { cursor, limit: 100 });
      for (const item of page.items) {
        expect(seen.has(item.postId)).toBe(false);
        seen.add(item.postId);
        expect(item.reactedAt.getTime()).toBeLessThanOrEqual(previous);
        previous = item.reactedAt.getTime();
      }
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    // Each post has 5 reactions at one instant; the window of 8192 reactions covers 1639 posts
    // (the last one possibly partly), so between 1639 and 1640 posts are listed.
    expect(seen.size).toBeGreaterThanOrEqual(Math.floor(8192 / 5));
    expect(seen.size).toBeLessThanOrEqual(Math.ceil(8192 / 5));
    console.log(
      `[bench-ish] reactions tab: ${pages} pages of 100 in ${Math.round(performance.now() - started)} ms`,
    );
  }, 60_000);
});

import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../database/server/testing/test-database.ts';
import { rankStatement, sizeStatement, standingsStatement, type Statement } from './leaderboard-queries.ts';
import { insertLearners, setStandings } from './testing/standings-factory.ts';

// The plans the leaderboard reads get on a board of 20,000 standings (plus another board as
// noise): index ranges of leaderboard_standings_rank_index, never a scan or sort of the board.

const db = useTestDatabase();
const SIZE = 20_000;
const scope = '2026-W10';
let users: number[] = [];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

beforeAll(async () => {
  users = await insertLearners(db.em(), SIZE);
  const start = Date.parse('2026-03-02T00:00:00Z');
  // Scores 0–499 and instants that repeat: plenty of ties on both keys.
  const seeds = (offset: number) =>
    users.map((userId, i) => ({
      userId,
      score: (i * 7919 + offset) % 500,
      reachedAt: new Date(start + (i % 97) * 1000),
    }));
  await setStandings(db.em(), 'xp_weekly', scope, seeds(0));
  await setStandings(db.em(), 'xp_weekly', '2026-W11', seeds(13));
  // As autovacuum leaves a settled table: statistics and the visibility map index-only scans use.
  await db.em().execute('vacuum analyze leaderboard_standings');
}, 120_000);

async function plan(statement: Statement): Promise<PlanNode> {
  const [row] = await db
    .em()
    .execute<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(`explain (analyze, format json) ${statement.sql}`, [
      ...statement.params,
    ]);
  const root = row?.['QUERY PLAN'][0]?.Plan;
  if (!root) throw new Error('no plan');
  return root;
}

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

/** True when a Sort has a scan of the board below it with no Limit in between. */
function sortsTheBoard(node: PlanNode, underSort = false): boolean {
  const sorting = node['Node Type'].endsWith('Sort')
    ? true
    : node['Node Type'] === 'Limit'
      ? false
      : underSort;
  if (node['Relation Name'] === 'leaderboard_standings' && sorting) return true;
  return (node.Plans ?? []).some((child) => sortsTheBoard(child, sorting));
}

function expectIndexRanges(root: PlanNode): PlanNode[] {
  const scans = nodes(root).filter((node) => node['Relation Name'] === 'leaderboard_standings');
  expect(scans.length).toBeGreaterThan(0);
  for (const scan of scans) {
    expect(scan['Node Type']).toMatch(/^Index (Only )?Scan$/);
    expect(scan['Index Name']).toMatch(/^leaderboard_standings_(rank_index|pkey)$/);
  }
  expect(sortsTheBoard(root)).toBe(false);
  return scans;
}

describe('leaderboard query plans on 20,000 standings', () => {
  it('reads the top N as the first N entries of the index', async () => {
    const root = await plan(standingsStatement('xp_weekly', scope, 10, 2, null));
    const [scan] = expectIndexRanges(root);
    expect(scan?.['Index Name']).toBe('leaderboard_standings_rank_index');
    expect(scan?.['Actual Rows']).toBeLessThanOrEqual(10);
  });

  it('reads a learner’s neighbours as short index ranges either side', async () => {
    const me = users[SIZE / 2] ?? 0;
    const [anchor] = await db
      .em()
      .execute<{ score: number; reached_at: string }[]>(rankStatement('xp_weekly', scope, me).sql, [
        ...rankStatement('xp_weekly', scope, me).params,
      ]);
    if (!anchor) throw new Error('no standing');
    const root = await plan(
      standingsStatement('xp_weekly', scope, 10, 3, {
        userId: me,
        score: anchor.score,
        reachedAt: anchor.reached_at,
      }),
    );
    for (const scan of expectIndexRanges(root)) {
      // Each piece stops after `around` rows (or the top 10): nothing like the board's 20,000.
      expect((scan['Actual Rows'] ?? 0) * (scan['Actual Loops'] ?? 1)).toBeLessThanOrEqual(10);
    }
  });

  it('counts the standings ahead of a learner with index-only ranges, no sort', async () => {
    const root = await plan(rankStatement('xp_weekly', scope, users[SIZE - 1] ?? 0));
    const scans = expectIndexRanges(root);
    expect(scans.some((scan) => scan['Node Type'] === 'Index Only Scan')).toBe(true);
    const counted = scans
      .filter((scan) => scan['Index Name'] === 'leaderboard_standings_rank_index')
      .reduce((sum, scan) => sum + (scan['Actual Rows'] ?? 0), 0);
    // Only this board's entries ahead of the learner are read, never the other week's.
    expect(counted).toBeLessThan(SIZE);
  });

  it('sizes a board with an index-only count of its range', async () => {
    expectIndexRanges(await plan(sizeStatement('xp_weekly', scope)));
  });
});

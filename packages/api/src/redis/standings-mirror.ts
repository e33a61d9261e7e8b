import type {
  MirroredStanding,
  MirrorRead,
  RankedStanding,
  StandingsMirror,
} from '@questline/domain/game/server/standings-mirror';
import { isoWeekEnd, type Leaderboard } from '@questline/domain/game/universal/leaderboards';
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Standings mirrored as Redis sorted sets, one per board and scope, ordered exactly like the rank
// index (score desc, reached_at, user_id):
// - the set's score is the negated standing score, so ascending order puts the best first and
//   ZRANK is rank − 1;
// - equal scores order by member, lexicographically ascending, and the member is
//   `<reached_at in µs, 17 digits>:<user id, 19 digits>`: zero-padded, so text order is numeric
//   order: reached earlier first, then the lower user id. No bits of a double are shared between
//   score and time, so neither can overflow the other.
// A hash maps each user to their current member (a new reached_at is a new member). Both keys
// carry a `~built` marker written only by a full rebuild: without it (never built, evicted, Redis
// restarted empty) reads miss and fall back to PostgreSQL, and writes ask for a rebuild.
// Keys share a hash tag, so the scripts stay on one slot under Redis Cluster.

const BUILT = '~built';
const CHUNK = 1_000;
// A past week's board is still read for a while ("last week's winners"), then left to PostgreSQL.
const WEEKLY_BOARD_KEPT_MS = 14 * 86_400_000;

/** When a board's keys may go: weekly boards some time after their week ends, others never. */
export function boardExpiry(board: Leaderboard, scope: string): number | null {
  if (board !== 'xp_weekly') return null;
  const end = isoWeekEnd(scope);
  return end ? end.getTime() + WEEKLY_BOARD_KEPT_MS : null;
}

const keysOf = (board: Leaderboard, scope: string) => {
  const tag = `{${board}:${scope}}`;
  return { ranks: `lb:${tag}`, members: `lb:${tag}:members` };
};

const memberOf = (userId: number, reachedAt: bigint) => {
  if (reachedAt < 0n) throw new RangeError('standings before 1970 cannot be mirrored');
  return `${reachedAt.toString().padStart(17, '0')}:${String(userId).padStart(19, '0')}`;
};

// `0 -` rather than unary minus: a score of 0 stays +0, not −0.
const negate = (value: number | string) => 0 - Number(value);

const IS_BUILT = `redis.call('hexists', KEYS[2], '${BUILT}') == 1 and redis.call('zscore', KEYS[1], '${BUILT}')`;

const RECORD = `
if not (${IS_BUILT}) then return 0 end
local old = redis.call('hget', KEYS[2], ARGV[1])
if old then redis.call('zrem', KEYS[1], old) end
redis.call('zadd', KEYS[1], ARGV[3], ARGV[2])
redis.call('hset', KEYS[2], ARGV[1], ARGV[2])
return 1`;

const TOP = `
if not (${IS_BUILT}) then return {0} end
return {1, redis.call('zrange', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')}`;

// {0} not built | {1} no standing | {2, rank0, entries, size}
const AROUND = `
if not (${IS_BUILT}) then return {0} end
local member = redis.call('hget', KEYS[2], ARGV[1])
if not member then return {1} end
local rank = redis.call('zrank', KEYS[1], member)
if not rank then return {1} end
local k = tonumber(ARGV[2])
local from = math.max(0, rank - k)
return {2, rank, redis.call('zrange', KEYS[1], from, rank + k, 'WITHSCORES'), redis.call('zcard', KEYS[1]) - 1, from}`;

type Reply = [number, ...unknown[]];

function parseEntries(flat: unknown, firstRank: number): RankedStanding[] {
  const items = Array.isArray(flat) ? (flat as string[]) : [];
  const standings: RankedStanding[] = [];
  for (let i = 0; i + 1 < items.length; i += 2) {
    const member = items[i] ?? '';
    if (member === BUILT) continue;
    const [reachedAt = '0', userId = '0'] = member.split(':');
    standings.push({
      rank: firstRank + i / 2,
      userId: Number(userId),
      score: negate(items[i + 1] ?? '0'),
      reachedAt: BigInt(reachedAt),
    });
  }
  return standings;
}

export function createRedisStandingsMirror(client: Redis): StandingsMirror {
  const run = (script: string, board: Leaderboard, scope: string, ...args: (string | number)[]) => {
    const { ranks, members } = keysOf(board, scope);
    return client.eval(script, 2, ranks, members, ...args) as Promise<Reply | number>;
  };
  const reply = async (script: string, board: Leaderboard, scope: string, ...args: (string | number)[]) => {
    const result = await run(script, board, scope, ...args);
    return Array.isArray(result) ? result : ([0] as Reply);
  };
  const miss = { hit: false } as const;

  return {
    async record(board, scope, userId, score, reachedAt) {
      return (await run(RECORD, board, scope, userId, memberOf(userId, reachedAt), negate(score))) === 1;
    },

    async top(board, scope, n): Promise<MirrorRead<RankedStanding[]>> {
      const [state, entries] = await reply(TOP, board, scope, n);
      return state === 1 ? { hit: true, value: parseEntries(entries, 1) } : miss;
    },

    async rankOf(board, scope, userId) {
      const [state, rank, entries, size] = await reply(AROUND, board, scope, userId, 0);
      if (state === 0) return miss;
      const [standing] = state === 2 ? parseEntries(entries, Number(rank) + 1) : [];
      return { hit: true, value: standing ? { standing, of: Number(size) } : null };
    },

    async around(board, scope, userId, k) {
      const [state, , entries, , from] = await reply(AROUND, board, scope, userId, k);
      if (state === 0) return miss;
      return { hit: true, value: state === 2 ? parseEntries(entries, Number(from) + 1) : [] };
    },

    async replace(board, scope, standings: readonly MirroredStanding[]) {
      // Built aside and renamed over the live keys in one MULTI, so readers never see half a board.
      const live = keysOf(board, scope);
      const suffix = `:rebuild:${randomUUID()}`;
      const next = { ranks: live.ranks + suffix, members: live.members + suffix };
      const build = client.pipeline();
      build.zadd(next.ranks, '+inf', BUILT).hset(next.members, BUILT, '1');
      build.pexpire(next.ranks, 60_000).pexpire(next.members, 60_000);
      for (let i = 0; i < standings.length; i += CHUNK) {
        const chunk = standings
          .slice(i, i + CHUNK)
          .map((s) => ({ ...s, member: memberOf(s.userId, s.reachedAt) }));
        build.zadd(next.ranks, ...chunk.flatMap((s) => [negate(s.score), s.member]));
        build.hset(next.members, ...chunk.flatMap((s) => [String(s.userId), s.member]));
      }
      failOnError(await build.exec());
      const swap = client.multi().rename(next.ranks, live.ranks).rename(next.members, live.members);
      const expiresAt = boardExpiry(board, scope);
      if (expiresAt === null) swap.persist(live.ranks).persist(live.members);
      else swap.pexpireat(live.ranks, expiresAt).pexpireat(live.members, expiresAt);
      failOnError(await swap.exec());
    },
  };
}

function failOnError(results: [Error | null, unknown][] | null): void {
  if (!results) throw new Error('redis transaction discarded');
  const failed = results.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
}

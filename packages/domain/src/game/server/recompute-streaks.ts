import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAdminAction, type AdminActor } from '../../audit/server/record-admin-action.ts';
import { invalidateProfileStats } from '../../social/server/profile-stats.ts';
import type { StatsCache } from '../../social/server/stats-cache.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { parseInput } from '../../shared/universal/parse-input.ts';
import {
  maintenanceActorSchema,
  recomputeStreaksInputSchema,
  type RecomputeStreaksInput,
  type RecomputeStreaksResult,
} from '../universal/recompute.ts';
import { computeStudyStreak } from '../universal/study-streak.ts';
import { readStreakDays, toPracticeHistory } from './read-streak-days.ts';
import {
  recomputeHabitStreaks,
  USER_IDS_SQL,
  type HabitStreakState,
  type RecomputedRow,
} from './recompute-habit-streaks.ts';

/** Users per transaction: bounds how many rows one batch keeps locked. */
export const RECOMPUTE_BATCH_SIZE = 200;

export type RecomputeStreaksCommand = RecomputeStreaksInput & AdminActor;

interface StudyState {
  current: number;
  longest: number;
  freezes: number;
  lastPractice: string | null;
}
interface BatchOutcome {
  habits: number;
  study: RecomputedRow<StudyState>[];
  habitChanges: RecomputedRow<HabitStreakState>[];
}

/**
 * Brings every learner's (or one learner's) stored study streak and habit streaks to what the pure
 * rules compute from the stored history: the study streak as of the last practice (as
 * `recordPracticeDay` stores it), each habit's run and strength (`refreshHabitStreak`). Runs in
 * batches of users, one transaction each; a batch that fixed something writes its audit row (the
 * changed rows before and after) in that transaction. A second run finds nothing to change.
 */
export async function recomputeStreaks(
  em: EntityManager,
  command: RecomputeStreaksCommand,
  statsCache?: StatsCache,
): Promise<RecomputeStreaksResult> {
  const { userId } = parseInput(recomputeStreaksInputSchema, { userId: command.userId });
  const actor = parseInput(maintenanceActorSchema, command);
  if (userId !== undefined) await assertUserExists(em, userId);
  const result = { users: 0, studyStreaksChanged: 0, habits: 0, habitStreaksChanged: 0 };
  let after = 0;
  for (;;) {
    const rows = await em.execute<{ id: string }[]>(
      `select id from users where id > ? ${userId === undefined ? '' : 'and id = ?'} order by id limit ?`,
      userId === undefined ? [after, RECOMPUTE_BATCH_SIZE] : [after, userId, RECOMPUTE_BATCH_SIZE],
    );
    const ids = rows.map((row) => Number(row.id));
    const last = ids.at(-1);
    if (last === undefined) break;
    after = last;
    const outcome = await em.transactional((tx) => recomputeBatch(tx, ids, actor, userId ?? null));
    result.users += ids.length;
    result.habits += outcome.habits;
    result.studyStreaksChanged += outcome.study.length;
    result.habitStreaksChanged += outcome.habitChanges.length;
    // Cached profile stats show the streak: drop those of learners whose streak moved.
    for (const { id } of outcome.study) await invalidateProfileStats(em, statsCache, id);
  }
  return result;
}

async function assertUserExists(em: EntityManager, userId: number): Promise<void> {
  const [user] = await em.execute<{ id: string }[]>('select id from users where id = ?', [userId]);
  if (!user) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user', { path: ['userId'] });
}

async function recomputeBatch(
  tx: EntityManager,
  userIds: readonly number[],
  actor: ReturnType<typeof maintenanceActorSchema.parse>,
  entityId: number | null,
): Promise<BatchOutcome> {
  // Habit streak rows first, then profiles: the order a check-in takes its locks in, so no deadlock.
  const { habits, changes: habitChanges } = await recomputeHabitStreaks(tx, userIds);
  const study = await recomputeStudyStreaks(tx, userIds);
  if (study.length || habitChanges.length) {
    const changedRows = (changes: readonly RecomputedRow<object>[], side: 'before' | 'after') =>
      changes.map((change) => ({ id: change.id, ...change[side] }));
    await recordAdminAction(tx, actor, {
      action: 'streaks.recompute',
      entityType: 'user',
      entityId,
      before: {
        studyStreaks: changedRows(study, 'before'),
        habitStreaks: changedRows(habitChanges, 'before'),
      },
      after: { studyStreaks: changedRows(study, 'after'), habitStreaks: changedRows(habitChanges, 'after') },
    });
  }
  return { habits, study, habitChanges };
}

async function recomputeStudyStreaks(
  tx: EntityManager,
  userIds: readonly number[],
): Promise<RecomputedRow<StudyState>[]> {
  const profiles = await tx.execute<
    {
      user_id: string;
      current: number;
      longest: number;
      freezes: number;
      last_practice: string | null;
      timezone: string;
    }[]
  >(
    `select p.user_id, p.study_streak_current as current, p.study_streak_longest as longest,
            p.streak_freezes as freezes, to_char(p.last_activity_date, 'YYYY-MM-DD') as last_practice, u.timezone
       from user_profiles p join users u on u.id = p.user_id
      where p.user_id in (${USER_IDS_SQL}) order by p.user_id for update of p`,
    [JSON.stringify(userIds)],
  );
  const changes: RecomputedRow<StudyState>[] = [];
  for (const profile of profiles) {
    const userId = Number(profile.user_id);
    const history = toPracticeHistory(await readStreakDays(tx, userId), profile.timezone);
    const before = {
      current: profile.current,
      longest: profile.longest,
      freezes: profile.freezes,
      lastPractice: profile.last_practice,
    };
    const after = studyStateOf(history);
    const same =
      before.current === after.current &&
      before.longest === after.longest &&
      before.freezes === after.freezes &&
      before.lastPractice === after.lastPractice;
    if (!same) changes.push({ id: userId, before, after });
  }
  if (changes.length) {
    await tx.execute(
      `update user_profiles p set study_streak_current = r.current, study_streak_longest = r.longest,
              streak_freezes = r.freezes, last_activity_date = r.last_practice
         from jsonb_to_recordset(?::jsonb) as r(id bigint, current int, longest int, freezes int, last_practice date)
        where p.user_id = r.id`,
      [
        JSON.stringify(
          changes.map(({ id, after }) => ({
            id,
            current: after.current,
            longest: after.longest,
            freezes: after.freezes,
            last_practice: after.lastPractice,
          })),
        ),
      ],
    );
  }
  return changes;
}

/** The streak as stored after the latest practice: the rule evaluated at that practice's instant. */
function studyStateOf(history: ReturnType<typeof toPracticeHistory>): StudyState {
  const [first, ...rest] = history;
  if (!first) return { current: 0, longest: 0, freezes: 0, lastPractice: null };
  const latest = rest.reduce((a, b) => (b.instant > a.instant ? b : a), first);
  const { summary } = computeStudyStreak(history, latest.instant, latest.timeZone);
  return {
    current: summary.current,
    longest: summary.longest,
    freezes: summary.freezesHeld,
    lastPractice: summary.lastPracticeDate,
  };
}

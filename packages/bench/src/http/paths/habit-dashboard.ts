import { toLocalDate } from '@questline/domain/game/universal/local-day';
import { rawHabitDashboard } from '../../paths/habit-dashboard.ts';
import { defineHttpPath } from '../http-path.ts';

// Every request is the learner with 1,000 habits × 5 years; the procedure finds their local
// today from their time zone first, so the raw side does that lookup too.
export const habitDashboardHttpPath = defineHttpPath({
  name: 'habit dashboard (1,000 habits × 5 years)',
  procedure: 'habits.dashboard',
  kind: 'query',
  whenMissed: `The answer is about 1 MB: 1,000 habits with seven day cells each, and every layer of the stack touches all of it. Profiled with BENCH_HTTP_PROFILE (after answers stopped going through superjson's walker, which had been two thirds of this path's CPU): garbage collection about a fifth, zod's output check about a sixth, the habit rules (today's streak, at-risk, decayed strength, day cells) about a sixth, tRPC's JSON.stringify and the fetch adapter's copy of the 1 MB body most of the rest. The raw server sends the rows as PostgreSQL returns them. Paging the dashboard, or precomputing the per-habit view, is what would close the gap; not the stack.`,
  feed: (setup) => Promise.resolve(() => ({ userId: setup.heavyUserId, input: undefined })),
  raw: async (pool, userId) => {
    const { rows } = await pool.query<{ timezone: string }>('select timezone from users where id = $1', [
      userId,
    ]);
    return rawHabitDashboard(pool, userId, toLocalDate(new Date(), rows[0]?.timezone ?? 'UTC'));
  },
});

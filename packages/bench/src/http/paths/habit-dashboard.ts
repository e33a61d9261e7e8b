import { toLocalDate } from '@questline/domain/game/universal/local-day';
import { rawHabitDashboard } from '../../paths/habit-dashboard.ts';
import { defineHttpPath } from '../http-path.ts';

// Every request is the learner with 1,000 habits × 5 years; the procedure finds their local
// today from their time zone first, so the raw side does that lookup too.
export const habitDashboardHttpPath = defineHttpPath({
  name: 'habit dashboard (1,000 habits × 5 years)',
  procedure: 'habits.dashboard',
  kind: 'query',
  whenMissed: `The answer is 1,000 habits with seven day cells each. superjson walks every object of it (recording each one's identity for de-duplication) — about a third of the API's busy time in the profile, and garbage collection of what it allocates about another third — then zod validates the whole output and the habit rules shape each habit; the raw server sends the rows as PostgreSQL returns them. A transformer that only tags Dates (or skipping superjson's walk for date-free payloads) would remove most of the gap.`,
  feed: (setup) => Promise.resolve(() => ({ userId: setup.heavyUserId, input: undefined })),
  raw: async (pool, userId) => {
    const { rows } = await pool.query<{ timezone: string }>('select timezone from users where id = $1', [
      userId,
    ]);
    return rawHabitDashboard(pool, userId, toLocalDate(new Date(), rows[0]?.timezone ?? 'UTC'));
  },
});

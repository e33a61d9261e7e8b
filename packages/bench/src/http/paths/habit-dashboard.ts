import { toLocalDate } from '@questline/domain/game/universal/local-day';
import { rawHabitDashboard } from '../../paths/habit-dashboard.ts';
import { defineHttpPath } from '../http-path.ts';

// Every request is the learner with 1,000 habits × 5 years; the procedure finds their local
// today from their time zone first, so the raw side does that lookup too.
export const habitDashboardHttpPath = defineHttpPath({
  name: 'habit dashboard (1,000 habits × 5 years)',
  procedure: 'habits.dashboard',
  kind: 'query',
  whenMissed: `The answer is about 1 MB: 1,000 habits with seven day cells each. superjson walks every object of it (recording each one's identity for de-duplication): measured alone on this machine, superjson.serialize of this answer takes about 75 ms of CPU against about 7 ms for JSON.stringify, while the service itself (query and habit rules) takes about 22 ms and zod's output check about 3 ms; in the profile superjson and the garbage collection of what it allocates are about two thirds of the API's busy time. The raw server sends the rows as PostgreSQL returns them. A transformer that only tags Dates (a JSON.stringify replacer), or no superjson walk for date-free answers, would remove most of the gap.`,
  feed: (setup) => Promise.resolve(() => ({ userId: setup.heavyUserId, input: undefined })),
  raw: async (pool, userId) => {
    const { rows } = await pool.query<{ timezone: string }>('select timezone from users where id = $1', [
      userId,
    ]);
    return rawHabitDashboard(pool, userId, toLocalDate(new Date(), rows[0]?.timezone ?? 'UTC'));
  },
});

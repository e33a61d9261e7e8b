import { toLocalDate } from '@questline/domain/game/universal/local-day';
import { rawHabitDashboard } from '../../paths/habit-dashboard.ts';
import { defineHttpPath } from '../http-path.ts';

// Every request is the learner with 1,000 habits × 5 years; the procedure finds their local
// today from their time zone first, so the raw side does that lookup too.
export const habitDashboardHttpPath = defineHttpPath({
  name: 'habit dashboard (1,000 habits × 5 years)',
  procedure: 'habits.dashboard',
  kind: 'query',
  feed: (setup) => Promise.resolve(() => ({ userId: setup.heavyUserId, input: undefined })),
  raw: async (pool, userId) => {
    const { rows } = await pool.query<{ timezone: string }>('select timezone from users where id = $1', [
      userId,
    ]);
    return rawHabitDashboard(pool, userId, toLocalDate(new Date(), rows[0]?.timezone ?? 'UTC'));
  },
});

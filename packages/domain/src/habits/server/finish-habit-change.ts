import type { EntityManager } from '@mikro-orm/postgresql';
import type { Unlocks } from '../../game/server/award-unlocks.ts';
import type { CheckInResult } from '../universal/habit-dtos.ts';
import { explainStrength, strengthOn } from '../universal/habit-strength.ts';
import { currentStreakOn, isStreakAtRisk } from '../universal/habit-streak.ts';
import type { LockedHabit } from './lock-habit.ts';
import type { StoredStreak } from './store-habit-streak.ts';

export const NO_UNLOCKS: Unlocks = { achievements: [], badges: [] };

export interface HabitChange {
  readonly action: 'habit.checked_in' | 'habit.check_in_undone';
  readonly userId: number;
  readonly habit: LockedHabit;
  readonly date: string;
  readonly value: number | null;
  readonly notes: string | null;
  readonly met: boolean;
  readonly stored: StoredStreak;
  readonly xpChange: number;
  readonly unlocks: Unlocks;
  readonly now: Date;
  readonly today: string;
}

/** Logs the learner's action and answers with the habit's state on their today, in the caller's transaction. */
export async function finishHabitChange(em: EntityManager, change: HabitChange): Promise<CheckInResult> {
  const { habit, stored, today } = change;
  const [profile] = await em.execute<{ xp: number; level: number }[]>(
    `with logged as (
       insert into user_activity_logs (user_id, action, entity_type, entity_id, metadata, occurred_at)
       values (?, ?, 'habit', ?, ?::jsonb, ?)
     )
     select xp, level from user_profiles where user_id = ?`,
    [
      change.userId,
      change.action,
      String(habit.dto.id),
      JSON.stringify({ date: change.date, value: change.value, met: change.met, xp: change.xpChange }),
      change.now,
      change.userId,
    ],
  );
  if (!profile) throw new Error(`user ${change.userId} has no game profile`);
  const score = strengthOn(habit.rule, stored.strength, stored.streak.lastMetDate, today);
  return {
    habitId: habit.dto.id,
    date: change.date,
    value: change.value,
    notes: change.notes,
    met: change.met,
    streak: {
      current: currentStreakOn(habit.rule, stored.streak, today),
      longest: stored.streak.longest,
      atRisk: isStreakAtRisk(habit.rule, stored.streak, today),
      lastMetDate: stored.streak.lastMetDate,
    },
    strength: { score: Math.round(score * 10) / 10, explanation: explainStrength(score) },
    xp: { change: change.xpChange, total: profile.xp, level: profile.level },
    unlocks: { achievements: [...change.unlocks.achievements], badges: [...change.unlocks.badges] },
  };
}

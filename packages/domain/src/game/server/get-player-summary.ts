import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { levelProgress } from '../universal/level.ts';
import type { PlayerSummary } from '../universal/player-summary.ts';

interface ProfileRow {
  xp: number;
  study_streak_current: number;
  study_streak_longest: number;
}

// Read on every screen of the app: one plain statement, no entity hydration.
export async function getPlayerSummary(em: EntityManager, userId: number): Promise<PlayerSummary> {
  const [profile] = await em.execute<ProfileRow[]>(
    'select xp, study_streak_current, study_streak_longest from user_profiles where user_id = ?',
    [userId],
  );
  if (!profile) throw new DomainError('PROFILE_NOT_FOUND', 'NOT_FOUND', 'This user has no game profile');
  // The level is derived from XP, so a stored level can never disagree with what is shown.
  const progress = levelProgress(profile.xp);
  return {
    xp: progress.xp,
    level: progress.level,
    xpIntoLevel: progress.xpIntoLevel,
    xpForNextLevel: progress.xpForNextLevel,
    studyStreakCurrent: profile.study_streak_current,
    studyStreakLongest: profile.study_streak_longest,
  };
}

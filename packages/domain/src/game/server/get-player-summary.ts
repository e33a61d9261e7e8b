import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/universal/domain-error.ts';
import { levelProgress } from '../universal/level.ts';
import type { PlayerSummary } from '../universal/player-summary.ts';
import { UserProfile } from './user-profile.entity.ts';

export async function getPlayerSummary(em: EntityManager, userId: number): Promise<PlayerSummary> {
  const profile = await em.findOne(UserProfile, { user: userId });
  if (!profile) throw new DomainError('PROFILE_NOT_FOUND', 'NOT_FOUND', 'This user has no game profile');
  // The level is derived from XP, so a stored level can never disagree with what is shown.
  const progress = levelProgress(profile.xp);
  return {
    xp: progress.xp,
    level: progress.level,
    xpIntoLevel: progress.xpIntoLevel,
    xpForNextLevel: progress.xpForNextLevel,
    studyStreakCurrent: profile.studyStreakCurrent,
    studyStreakLongest: profile.studyStreakLongest,
  };
}

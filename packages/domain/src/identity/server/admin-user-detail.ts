import type { EntityManager } from '@mikro-orm/postgresql';
import { listUserBadges } from '../../game/server/badge-grants.ts';
import { DEFAULT_HEARTS_CONFIG, regenerateHearts } from '../../learning/universal/hearts.ts';
import { DomainError } from '../../shared/universal/domain-error.ts';
import type { AdminUserDetail } from '../universal/admin-users.ts';
import type { Role } from '../universal/account.ts';

interface DetailRow {
  id: string | number;
  email: string;
  username: string;
  role: Role;
  is_active: boolean;
  is_verified: boolean;
  tagline: string | null;
  timezone: string;
  daily_xp_goal: number;
  created_at: Date;
  updated_at: Date;
  xp: number | null;
  level: number | null;
  study_streak_current: number | null;
  study_streak_longest: number | null;
  streak_freezes: number | null;
  total_lessons_completed: number | null;
  total_exams_taken: number | null;
  total_habit_completions: number | null;
  last_activity_date: string | null;
  hearts: number | null;
  hearts_regen_from: Date | null;
  achievements_earned: number;
  active_sessions: number;
  last_seen_at: Date | null;
}

/** Everything the admin console shows about one user, hearts computed as of `now`. */
export async function getUserDetail(em: EntityManager, userId: number, now: Date): Promise<AdminUserDetail> {
  const [row] = await em.execute<DetailRow[]>(
    `select u.id, u.email, u.username, u.role, u.is_active, u.is_verified, u.tagline, u.timezone,
            u.daily_xp_goal, u.created_at, u.updated_at, p.xp, p.level, p.study_streak_current,
            p.study_streak_longest, p.streak_freezes, p.total_lessons_completed, p.total_exams_taken,
            p.total_habit_completions, to_char(p.last_activity_date, 'YYYY-MM-DD') as last_activity_date,
            p.hearts, p.hearts_regen_from,
            (select count(*)::int from user_achievements a where a.user_id = u.id) as achievements_earned,
            (select count(*)::int from sessions s where s.user_id = u.id and s.expires_at > ?) as active_sessions,
            (select max(s.last_seen_at) from sessions s where s.user_id = u.id) as last_seen_at
       from users u left join user_profiles p on p.user_id = u.id
      where u.id = ?`,
    [now, userId],
  );
  if (!row) throw new DomainError('USER_NOT_FOUND', 'NOT_FOUND', 'No such user', { path: ['userId'] });
  const badges = await listUserBadges(em, userId);
  const xp = row.xp ?? 0;
  const level = row.level ?? 1;
  return {
    account: {
      id: Number(row.id),
      email: row.email,
      username: row.username,
      role: row.role,
      isActive: row.is_active,
      isVerified: row.is_verified,
      xp,
      level,
      createdAt: new Date(row.created_at),
      tagline: row.tagline,
      timezone: row.timezone,
      dailyXpGoal: row.daily_xp_goal,
      updatedAt: new Date(row.updated_at),
    },
    progress: {
      xp,
      level,
      studyStreakCurrent: row.study_streak_current ?? 0,
      studyStreakLongest: row.study_streak_longest ?? 0,
      streakFreezes: row.streak_freezes ?? 0,
      lessonsCompleted: row.total_lessons_completed ?? 0,
      quizzesTaken: row.total_exams_taken ?? 0,
      habitCompletions: row.total_habit_completions ?? 0,
      lastActivityDate: row.last_activity_date,
      achievementsEarned: row.achievements_earned,
    },
    hearts: regenerateHearts(
      {
        hearts: row.hearts ?? DEFAULT_HEARTS_CONFIG.max,
        regenFrom: row.hearts_regen_from ? new Date(row.hearts_regen_from) : null,
      },
      now,
      DEFAULT_HEARTS_CONFIG,
    ),
    sessions: {
      active: row.active_sessions,
      lastSeenAt: row.last_seen_at ? new Date(row.last_seen_at) : null,
    },
    badges,
  };
}

import { resolveLivedDays, type PracticeInstant } from './lived-days.ts';

export type { PracticeInstant } from './lived-days.ts';

/** A freeze is earned each time the running streak reaches a multiple of this. */
export const FREEZE_MILESTONE_DAYS = 7;
export const MAX_FREEZES_HELD = 2;

export interface EarnedFreeze {
  /** The practice day that earned it. */
  readonly earnedOn: string;
  /** The streak milestone it was earned for (7, 14, 21 …). */
  readonly milestone: number;
}

export const STUDY_DAY_STATUSES = ['practiced', 'frozen', 'missed', 'skipped', 'pending'] as const;
export type StudyDayStatus = (typeof STUDY_DAY_STATUSES)[number];

export interface StudyDay {
  readonly date: string;
  /** skipped: a move jumped over the date (not lived); pending: today, not practised yet. */
  readonly status: StudyDayStatus;
  /** The running streak once this day is counted; 0 after a day that broke it. */
  readonly streak: number;
  /** frozen: the held freeze that covers the day. */
  readonly freeze: EarnedFreeze | null;
  /** practiced: the milestone this day reached, and whether it earned a freeze (2 held at most). */
  readonly milestone: { readonly days: number; readonly freezeEarned: boolean } | null;
  /** frozen or missed: the length of its gap and the freezes held when the gap opened. */
  readonly gap: { readonly days: number; readonly freezesHeld: number } | null;
  /** frozen: the gap runs up to today, which is not practised yet, so the freeze is only spoken for. */
  readonly provisional: boolean;
}

export interface StreakSummary {
  readonly current: number;
  readonly longest: number;
  /** The streak ends yesterday (or with freezes up to yesterday): practise today to keep it. */
  readonly atRisk: boolean;
  readonly freezesHeld: number;
  readonly today: string;
  readonly lastPracticeDate: string | null;
}

export interface StudyStreak {
  readonly summary: StreakSummary;
  /** Every date from the first practice to today, in order. */
  readonly days: readonly StudyDay[];
}

const blankDay = { streak: 0, freeze: null, milestone: null, gap: null, provisional: false } as const;

/**
 * The study streak as of `now` in `timeZone`, from the practice history (see `resolveLivedDays`
 * for which dates count as lived). Walking the lived days in order:
 * - a practice day adds one to the running streak; the practice day on which the streak reaches
 *   or passes a multiple of 7 (frozen days count) earns a freeze, unless 2 are already held; each
 *   milestone counts once per run;
 * - missed lived days between two practice days form a gap: if it is no longer than the freezes
 *   held, each of its days, oldest first, spends the oldest held freeze, is `frozen` and counts in
 *   the streak; otherwise its days are `missed`, the streak restarts and the freezes stay held;
 * - when today is not practised yet, the gap since the last practice (up to yesterday) is judged
 *   the same way, provisionally: covered, its days show `frozen`, the streak keeps its length and
 *   is at risk; not covered, the streak is lost (current 0).
 * `longest` is the longest streak reached on a practice day, so it never counts a provisional
 * freeze and never shrinks as time passes or as later practices are added.
 */
export function computeStudyStreak(
  history: readonly PracticeInstant[],
  now: Date,
  timeZone: string,
): StudyStreak {
  const { today, lived, skipped, practiceDates } = resolveLivedDays(history, now, timeZone);
  const days: StudyDay[] = [];
  const bag: EarnedFreeze[] = [];
  let gap: string[] = [];
  let streak = 0;
  let milestonesReached = 0;
  let longest = 0;
  let lastPracticeDate: string | null = null;

  const judgeGap = (closedByPractice: boolean): boolean => {
    const freezesHeld = bag.length;
    const covered = gap.length <= freezesHeld;
    const gapInfo = { days: gap.length, freezesHeld };
    for (const [index, date] of gap.entries()) {
      if (!covered) {
        days.push({ ...blankDay, date, status: 'missed', gap: gapInfo });
        continue;
      }
      // A closed gap spends its freezes; an open one (up to today) only shows which would be spent.
      const freeze = (closedByPractice ? bag.shift() : bag[index]) ?? null;
      if (closedByPractice) streak += 1;
      const provisional = !closedByPractice;
      days.push({ ...blankDay, date, status: 'frozen', streak, freeze, gap: gapInfo, provisional });
    }
    if (!covered) {
      streak = 0;
      milestonesReached = 0;
    }
    gap = [];
    return covered;
  };

  for (const date of lived) {
    if (!practiceDates.has(date)) {
      if (date !== today) gap.push(date);
      continue;
    }
    if (gap.length > 0) judgeGap(true);
    streak += 1;
    lastPracticeDate = date;
    longest = Math.max(longest, streak);
    let milestone: StudyDay['milestone'] = null;
    if (Math.floor(streak / FREEZE_MILESTONE_DAYS) > milestonesReached) {
      milestonesReached += 1;
      const freezeEarned = bag.length < MAX_FREEZES_HELD;
      if (freezeEarned) bag.push({ earnedOn: date, milestone: milestonesReached * FREEZE_MILESTONE_DAYS });
      milestone = { days: milestonesReached * FREEZE_MILESTONE_DAYS, freezeEarned };
    }
    days.push({ ...blankDay, date, status: 'practiced', streak, milestone });
  }

  let current = streak;
  let atRisk = false;
  let freezesHeld = bag.length;
  if (!practiceDates.has(today)) {
    const openGap = gap.length;
    if (judgeGap(false)) {
      freezesHeld -= openGap;
      atRisk = streak > 0;
    } else {
      current = 0;
    }
    days.push({ ...blankDay, date: today, status: 'pending', streak: current });
  }
  for (const date of skipped) days.push({ ...blankDay, date, status: 'skipped' });
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    summary: { current, longest, atRisk, freezesHeld, today, lastPracticeDate },
    days: days.map((day, index) =>
      day.status === 'skipped' ? { ...day, streak: days[index - 1]?.streak ?? 0 } : day,
    ),
  };
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** One line saying why a day has its status, for the learner's day-by-day streak history. */
export function explainStudyDay(day: StudyDay): string {
  switch (day.status) {
    case 'practiced': {
      const reached = day.milestone
        ? day.milestone.freezeEarned
          ? `; reached the ${day.milestone.days}-day milestone and earned a streak freeze`
          : `; reached the ${day.milestone.days}-day milestone (already holding ${MAX_FREEZES_HELD} freezes)`
        : '';
      return `Practised: day ${day.streak} of the streak${reached}`;
    }
    case 'frozen': {
      const by = day.freeze
        ? `a freeze earned on ${day.freeze.earnedOn} (${day.freeze.milestone}-day milestone)`
        : 'a freeze';
      return `Frozen: covered by ${by}${day.provisional ? ', spent when you next practise' : ''}`;
    }
    case 'missed': {
      const held = day.gap?.freezesHeld ?? 0;
      const gap = day.gap ? `a ${day.gap.days}-day gap` : 'a gap';
      return `Missed: ${gap} with ${held === 0 ? 'no freeze' : plural(held, 'freeze')} held broke the streak`;
    }
    case 'skipped':
      return 'Skipped: a time-zone move jumped over this date, so it neither counts nor breaks the streak';
    case 'pending':
      return day.streak > 0
        ? `Today: practise to keep your ${day.streak}-day streak`
        : 'Today: practise to start a streak';
  }
}

import { dateOfDayNumber, dayNumberOf, type HabitRule } from '../habit-periods.ts';

/** Walks every calendar day with JavaScript's own weekdays: an implementation sharing no code with the rule. */
export function referenceStreak(
  rule: HabitRule,
  history: ReadonlyMap<string, number>,
  start: number,
  today: string,
) {
  const weekday = (day: number) => new Date(day * 86_400_000).getUTCDay() || 7;
  const periods: boolean[] = [];
  let todayIndex = -1;
  const end = dayNumberOf(today) + 7;
  if (rule.goalType === 'weekly') {
    for (let monday = start - weekday(start) + 1; monday <= end; monday += 7) {
      let count = 0;
      for (let day = monday; day < monday + 7; day += 1)
        if ((history.get(dateOfDayNumber(day)) ?? 0) > 0) count += 1;
      if (dayNumberOf(today) >= monday && dayNumberOf(today) < monday + 7) todayIndex = periods.length;
      periods.push(count >= rule.targetValue);
    }
  } else {
    for (let day = start; day <= end; day += 1) {
      const mask = rule.scheduleMask ?? 127;
      if (rule.goalType === 'custom' && ((mask >> (weekday(day) - 1)) & 1) === 0) continue;
      if (todayIndex < 0 && day >= dayNumberOf(today)) todayIndex = periods.length;
      periods.push((history.get(dateOfDayNumber(day)) ?? -1) >= rule.targetValue);
    }
  }
  const runEndingAt = (index: number) => {
    let run = 0;
    for (let i = index; i >= 0 && periods[i]; i -= 1) run += 1;
    return run;
  };
  let longest = 0;
  periods.forEach((_, index) => (longest = Math.max(longest, runEndingAt(index))));
  const current = periods[todayIndex] ? runEndingAt(todayIndex) : runEndingAt(todayIndex - 1);
  return { current, longest };
}

import { apiErrorMessage } from '@questline/ui/api/errors';
import { useTRPC } from '@questline/ui/api/trpc';
import { FormAlert } from '@questline/ui/components/FormAlert';
import { useQuery } from '@tanstack/react-query';
import { ProgressBar } from './ProgressBar.tsx';

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

export function LevelCard() {
  const trpc = useTRPC();
  const summary = useQuery(trpc.game.summary.queryOptions());

  if (summary.isPending) {
    return (
      <section className="card" aria-busy="true">
        <p role="status">Loading your progress…</p>
      </section>
    );
  }
  if (summary.isError) {
    return (
      <section className="card">
        <FormAlert message={apiErrorMessage(summary.error)} />
      </section>
    );
  }

  const { level, xp, xpIntoLevel, xpForNextLevel, studyStreakCurrent, studyStreakLongest } = summary.data;
  const nextLevel = level + 1;
  return (
    <section className="card level-card" aria-labelledby="level-card-title">
      <h2 id="level-card-title" className="visually-hidden">
        Your progress
      </h2>
      <div className="level-card-top">
        <p className="level-badge" data-testid="level">
          Level {level}
        </p>
        <p className="xp-total" data-testid="xp">
          {xp} XP
        </p>
      </div>
      <ProgressBar value={xpIntoLevel} max={xpForNextLevel} label={`Progress to level ${nextLevel}`} />
      <p className="progress-caption">
        {xpIntoLevel} / {xpForNextLevel} XP to level {nextLevel}
      </p>
      <dl className="streaks">
        <div>
          <dt>Study streak</dt>
          <dd>{days(studyStreakCurrent)}</dd>
        </div>
        <div>
          <dt>Longest streak</dt>
          <dd>{days(studyStreakLongest)}</dd>
        </div>
      </dl>
    </section>
  );
}

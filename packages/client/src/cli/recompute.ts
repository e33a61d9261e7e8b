// `ql recompute …`: repairs of stored derived state, run by the server (audited there).
import { adminClient, parseCommandArgs, type Command } from './common.ts';
import { resolveUserId } from './users.ts';

const streaks: Command = async (args) => {
  const { values } = parseCommandArgs(args, { user: { type: 'string' } }, []);
  const client = await adminClient();
  const userId = values.user === undefined ? undefined : await resolveUserId(client, values.user);
  const report = await client.admin.maintenance.recomputeStreaks.mutate({ userId });
  console.log(`users checked:          ${report.users}`);
  console.log(`study streaks fixed:    ${report.studyStreaksChanged}`);
  console.log(`habits checked:         ${report.habits}`);
  console.log(`habit streaks fixed:    ${report.habitStreaksChanged}`);
  return 0;
};

const standings: Command = async (args) => {
  parseCommandArgs(args, {}, []);
  const client = await adminClient();
  const report = await client.admin.maintenance.recomputeStandings.mutate();
  console.log(`standings:  ${report.standings}`);
  console.log(`inserted:   ${report.inserted}`);
  console.log(`updated:    ${report.updated}`);
  console.log(`deleted:    ${report.deleted}`);
  const mirror = {
    absent: 'no Redis mirror configured',
    rebuilt: `rebuilt (${report.mirrored} standings on the current boards)`,
    failed: 'Redis did not answer: the table serves until it is back',
  }[report.mirror];
  console.log(`mirror:     ${mirror}`);
  return 0;
};

export const recomputeCommands: Record<string, Command> = { streaks, standings };

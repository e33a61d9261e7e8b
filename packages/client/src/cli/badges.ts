// `ql badges grant|revoke`: admin-granted badges (tag badges such as early-adopter), audited by the
// server with the reason given here.
import type { QuestlineClient } from '../index.ts';
import { adminClient, CliError, parseCommandArgs, type Command } from './common.ts';
import { resolveUserId } from './users.ts';

async function badgeChange(
  args: readonly string[],
  change: (
    client: QuestlineClient,
    input: { userId: number; badgeCode: string; reason: string },
  ) => Promise<{ changed: boolean }>,
  say: (changed: boolean, badge: string, user: string) => string,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { reason: { type: 'string' } }, [
    'username|id',
    'badge-code',
  ]);
  const [user = '', badgeCode = ''] = positionals;
  if (!values.reason?.trim()) throw new CliError('give --reason: it is kept in the audit trail', 2);
  const client = await adminClient();
  const userId = await resolveUserId(client, user);
  const { changed } = await change(client, { userId, badgeCode, reason: values.reason });
  console.log(say(changed, badgeCode, user));
  return 0;
}

export const badgesCommands: Record<string, Command> = {
  grant: (args) =>
    badgeChange(
      args,
      (client, input) => client.admin.badges.grant.mutate(input),
      (changed, badge, user) =>
        changed ? `granted ${badge} to ${user}` : `${user} already holds ${badge}: nothing changed`,
    ),
  revoke: (args) =>
    badgeChange(
      args,
      (client, input) => client.admin.badges.revoke.mutate(input),
      (changed, badge, user) =>
        changed ? `revoked ${badge} from ${user}` : `${user} does not hold ${badge}: nothing changed`,
    ),
};

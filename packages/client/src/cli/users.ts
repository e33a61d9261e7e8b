// `ql users …`: the user directory, and finding a user by username or id for the other commands.
import { writeFile } from 'node:fs/promises';
import type { QuestlineClient } from '../index.ts';
import { adminClient, CliError, integerOption, parseCommandArgs, userPath, type Command } from './common.ts';

/** The id of the user a command names: digits are an id, anything else a username (any case). */
export async function resolveUserId(client: QuestlineClient, reference: string): Promise<number> {
  if (/^\d+$/.test(reference)) return Number(reference);
  // The search matches any part of a username or email: page on until the exact username shows.
  let cursor: number | undefined;
  do {
    const page = await client.admin.users.list.query({ search: reference, limit: 100, cursor });
    const user = page.items.find((item) => item.username.toLowerCase() === reference.toLowerCase());
    if (user) return user.id;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  throw new CliError(`no user with the username "${reference}"`);
}

const list: Command = async (args) => {
  const { values } = parseCommandArgs(args, { search: { type: 'string' }, limit: { type: 'string' } }, []);
  const client = await adminClient();
  const page = await client.admin.users.list.query({
    search: values.search,
    limit: integerOption(values.limit, 'limit', 50),
  });
  console.table(
    page.items.map((user) => ({
      id: user.id,
      username: user.username,
      email: user.email,
      role: user.role,
      level: user.level,
      xp: user.xp,
      joined: user.createdAt.toISOString().slice(0, 10),
    })),
  );
  if (page.nextCursor) console.log(`more users: continue after id ${page.nextCursor}`);
  return 0;
};

/** `ql users export`: everything stored about a user as one JSON document, to a file or stdout. */
const exportData: Command = async (args) => {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' } }, ['username|id']);
  const client = await adminClient();
  const userId = await resolveUserId(client, positionals[0] ?? '');
  const document = `${JSON.stringify(await client.admin.users.exportData.query({ userId }), null, 2)}\n`;
  if (!values.out) {
    process.stdout.write(document);
    return 0;
  }
  await writeFile(userPath(values.out), document, { mode: 0o600 });
  console.log(`wrote the data of user ${userId} to ${values.out} (${Buffer.byteLength(document)} bytes)`);
  return 0;
};

export const usersCommands: Record<string, Command> = { list, export: exportData };

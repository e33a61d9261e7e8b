// `ql admin create`: the first admin account, written straight to the database (no admin exists
// yet to sign in as). Everything else in `ql` goes through the API.
import { withAppDatabase } from '@questline/domain/database/server/with-app-database';
import { createAccount } from '@questline/domain/identity/server/sign-up';
import { signUpInputSchema } from '@questline/domain/identity/universal/account';
import { DomainError } from '@questline/domain/shared/universal/domain-error';
import { parseInput } from '@questline/domain/shared/universal/parse-input';
import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { CliError, parseCommandArgs, type Command } from './common.ts';

/** The password from standard input: its first line, without the line break. */
async function passwordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('--password-stdin reads a piped password: echo … | pnpm ql …');
  const [firstLine = ''] = (await text(process.stdin)).split(/\r?\n/);
  if (!firstLine) throw new CliError('no password on standard input');
  return firstLine;
}

const create: Command = async (args) => {
  const { values } = parseCommandArgs(
    args,
    {
      email: { type: 'string' },
      username: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    [],
  );
  if (!values.email || !values.username) throw new CliError('give --email and --username', 2);
  const generated = values['password-stdin'] ? null : randomBytes(18).toString('base64url');
  const password = generated ?? (await passwordFromStdin());
  try {
    const input = parseInput(signUpInputSchema, { email: values.email, username: values.username, password });
    const admin = await withAppDatabase((em) =>
      createAccount(em, input, new Date(), { role: 'admin', isVerified: true }),
    );
    console.log(`created admin ${admin.username} <${admin.email}> (id ${admin.id})`);
  } catch (error) {
    if (error instanceof DomainError) throw new CliError(`${error.message} [${error.code}]`);
    throw error;
  }
  if (generated) console.log(`generated password (shown once, store it now): ${generated}`);
  return 0;
};

export const adminCommands: Record<string, Command> = { create };

// What every `ql` command shares: its arguments, the platform connection and error wording.
import { TRPCClientError } from '@trpc/client';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createQuestlineClient, type QuestlineClient } from '../index.ts';

/** A failure the user can act on: printed as `ql: <message>`, exit status 1 (2 for usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export type Command = (args: readonly string[]) => Promise<number>;

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments strictly: an unknown option or a missing value is a usage error. */
export function parseCommandArgs<O extends Options>(
  args: readonly string[],
  options: O,
  positionals: string[],
) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }
  if (parsed.positionals.length !== positionals.length) {
    const expected = positionals.map((name) => `<${name}>`).join(' ') || 'no arguments';
    throw new CliError(
      `expected ${expected}, got ${parsed.positionals.length ? parsed.positionals.join(' ') : 'none'}`,
      2,
    );
  }
  return parsed;
}

/** A whole number option, or the fallback when absent. */
export function integerOption(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min)
    throw new CliError(`--${name} must be a whole number ≥ ${min}`, 2);
  return number;
}

/**
 * A path the user typed. `pnpm ql` runs in packages/client, so a relative path is taken from where
 * pnpm was started (INIT_CWD: the workspace root for the root `ql` script).
 */
export const userPath = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

export const platformUrl = () => (process.env.QL_URL || 'http://localhost:3000').replace(/\/$/, '');

/** A client signed in as the admin named by QL_ADMIN_EMAIL / QL_ADMIN_PASSWORD. */
export async function adminClient(): Promise<QuestlineClient> {
  const email = process.env.QL_ADMIN_EMAIL || process.env.ADMIN_EMAIL;
  const password = process.env.QL_ADMIN_PASSWORD || process.env.ADMIN_PASSWORD;
  if (!email || !password) throw new CliError('set QL_ADMIN_EMAIL and QL_ADMIN_PASSWORD to an admin account');
  const client = createQuestlineClient({ baseUrl: platformUrl() });
  const account = await client.auth.signIn.mutate({ email, password });
  if (account.role !== 'admin') throw new CliError(`${account.email} is not an admin`);
  return client;
}

/** Why a request never reached the platform (fetch's own error wraps the socket's), or null. */
function unreachable(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current instanceof Error; depth += 1) {
    if (current instanceof TypeError && current.message === 'fetch failed') {
      const cause = current.cause as { code?: unknown; message?: unknown } | undefined;
      const why = typeof cause?.code === 'string' ? cause.code : String(cause?.message ?? 'no answer');
      return `cannot reach ${platformUrl()} (${why})`;
    }
    current = current.cause;
  }
  return null;
}

/** One line for any failure: the server's message and code, or why the platform is unreachable. */
export function describeFailure(error: unknown): string {
  const network = unreachable(error);
  if (network) return network;
  if (error instanceof TRPCClientError) {
    const code = (error.data as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? `${error.message} [${code}]` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export const printJson = (value: unknown) => console.log(JSON.stringify(value, null, 2));

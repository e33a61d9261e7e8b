// The procedure reference of docs/api.md, read from the router itself: every path, whether it is a
// query or a mutation, who may call it (the `access` meta of the base procedure it was built
// from), its input fields and a one-line description.
import type { AnyRouter } from '@trpc/server';
import type { ProcedureMeta } from '../trpc.ts';

export interface ProcedureDoc {
  readonly path: string;
  readonly kind: string;
  readonly access: string;
  /** Top-level input fields, `?` marking optional ones; empty without input. */
  readonly input: readonly string[];
  readonly description: string | null;
}

interface ProcedureDef {
  readonly type: string;
  readonly meta?: ProcedureMeta;
  readonly inputs: readonly unknown[];
}

interface SchemaLike {
  readonly shape?: Record<string, { safeParse(value: unknown): { success: boolean } }>;
  readonly def?: { readonly type?: string; readonly innerType?: unknown; readonly in?: unknown };
}

/** The object inside wrappers (`.default()`, `.prefault()`, `.optional()`, pipes), if any. */
function unwrap(input: unknown): SchemaLike {
  let schema = input as SchemaLike;
  for (let depth = 0; depth < 5 && !schema.shape; depth += 1) {
    const inner = schema.def?.innerType ?? schema.def?.in;
    if (!inner) break;
    schema = inner as SchemaLike;
  }
  return schema;
}

/** The fields a procedure's input schemas take (several `.input()` calls merge). */
function inputFields(inputs: readonly unknown[]): string[] {
  return inputs.flatMap((input) => {
    const schema = unwrap(input);
    if (!schema.shape) return [`(${schema.def?.type ?? 'input'})`];
    return Object.entries(schema.shape).map(([name, field]) =>
      field.safeParse(undefined).success ? `${name}?` : name,
    );
  });
}

/** Every procedure of the router, in declaration order. */
export function describeProcedures(
  router: AnyRouter,
  descriptions: Readonly<Record<string, string>>,
): ProcedureDoc[] {
  const procedures = router._def.procedures as Record<string, { _def: ProcedureDef }>;
  return Object.entries(procedures).map(([path, procedure]) => {
    const { type, meta, inputs } = procedure._def;
    if (!meta?.access) {
      throw new Error(`${path} is not built from publicProcedure, protectedProcedure or adminProcedure`);
    }
    return {
      path,
      kind: type,
      access: meta.access,
      input: inputFields(inputs),
      description: meta.description ?? descriptions[path] ?? null,
    };
  });
}

/** `auth` for `auth.signUp`; admin procedures group by their router: `admin.users`. */
const groupOf = (path: string) =>
  path
    .split('.')
    .slice(0, path.startsWith('admin.') ? 2 : 1)
    .join('.');

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The reference as Markdown (unformatted: the caller runs Prettier over it). */
export function renderProcedureReference(procedures: readonly ProcedureDoc[]): string {
  const groups = new Map<string, ProcedureDoc[]>();
  for (const procedure of procedures) {
    const group = groupOf(procedure.path);
    groups.set(group, [...(groups.get(group) ?? []), procedure]);
  }
  const sections = [...groups].map(([group, members]) => {
    const rows = members.map((procedure) =>
      [
        `\`${procedure.path}\``,
        procedure.kind,
        procedure.access,
        procedure.input.length ? procedure.input.map((field) => `\`${field}\``).join(', ') : '—',
        cell(procedure.description ?? ''),
      ].join(' | '),
    );
    return [
      `### ${group}`,
      '',
      '| Procedure | Kind | Access | Input | Description |',
      '| --- | --- | --- | --- | --- |',
      ...rows.map((row) => `| ${row} |`),
    ].join('\n');
  });
  const counts = ['public', 'protected', 'admin'].map(
    (access) => `${procedures.filter((procedure) => procedure.access === access).length} ${access}`,
  );
  return [
    '## Procedures',
    '',
    `${procedures.length} procedures (${counts.join(', ')}). Access: **public** needs no session, ` +
      '**protected** a signed-in user, **admin** a signed-in user whose role is admin (checked on every call).',
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
}

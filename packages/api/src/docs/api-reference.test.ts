import { initTRPC } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adminProcedure, protectedProcedure, publicProcedure, router } from '../trpc.ts';
import { describeProcedures, renderProcedureReference } from './api-reference.ts';

const sample = router({
  auth: router({
    me: publicProcedure.query(() => null),
  }),
  habits: router({
    archive: protectedProcedure
      .meta({ description: 'Archives one of your habits.' })
      .input(z.object({ habitId: z.number(), note: z.string().optional(), days: z.number().default(7) }))
      .mutation(() => null),
  }),
  admin: router({
    users: router({
      list: adminProcedure.input(z.object({ search: z.string() }).prefault({ search: '' })).query(() => []),
    }),
  }),
});

describe('describeProcedures', () => {
  it('reads kind, access, input fields and descriptions (meta first, then the table)', () => {
    expect(describeProcedures(sample, { 'auth.me': 'You | or null', 'habits.archive': 'unused' })).toEqual([
      { path: 'auth.me', kind: 'query', access: 'public', input: [], description: 'You | or null' },
      {
        path: 'habits.archive',
        kind: 'mutation',
        access: 'protected',
        input: ['habitId', 'note?', 'days?'],
        description: 'Archives one of your habits.',
      },
      { path: 'admin.users.list', kind: 'query', access: 'admin', input: ['search'], description: null },
    ]);
  });

  it('refuses a procedure not built from the three base procedures', () => {
    const bare = initTRPC.create();
    expect(() => describeProcedures(bare.router({ raw: bare.procedure.query(() => 1) }), {})).toThrow(
      /raw is not built from publicProcedure/,
    );
  });
});

describe('renderProcedureReference', () => {
  it('groups by router (admin by its sub-router), escapes pipes and counts access levels', () => {
    const markdown = renderProcedureReference(describeProcedures(sample, { 'auth.me': 'You | or null' }));
    expect(markdown).toContain('3 procedures (1 public, 1 protected, 1 admin)');
    expect(markdown.match(/^### .+$/gm)).toEqual(['### auth', '### habits', '### admin.users']);
    expect(markdown).toContain('| `auth.me` | query | public | — | You \\| or null |');
    expect(markdown).toContain('| `habits.archive` | mutation | protected | `habitId`, `note?`, `days?` |');
  });
});

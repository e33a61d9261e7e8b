import type { AdminActor } from '@questline/domain/audit/server/record-admin-action';
import type { RequestMeta } from '@questline/domain/identity/server/sessions';

interface AdminContext {
  readonly user: { readonly id: number };
  readonly now: () => Date;
  readonly meta: RequestMeta;
}

/** Who is acting, when and from where: what every audited admin mutation records. */
export const actorOf = (ctx: AdminContext): AdminActor => ({
  adminId: ctx.user.id,
  now: ctx.now(),
  ip: ctx.meta.ip,
});

import { adminRouter } from './routers/admin.ts';
import { authRouter } from './routers/auth.ts';
import { gameRouter } from './routers/game.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  game: gameRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

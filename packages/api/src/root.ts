import { adminRouter } from './routers/admin.ts';
import { authRouter } from './routers/auth.ts';
import { catalogRouter } from './routers/catalog.ts';
import { gameRouter } from './routers/game.ts';
import { habitsRouter } from './routers/habits.ts';
import { learningRouter } from './routers/learning.ts';
import { profileRouter } from './routers/profile.ts';
import { quizRouter } from './routers/quiz.ts';
import { socialRouter } from './routers/social.ts';
import { createCallerFactory, router } from './trpc.ts';

// One router per bounded context, named as the domain's folders are; admin.* behind the admin role.
export const appRouter = router({
  auth: authRouter,
  catalog: catalogRouter,
  learning: learningRouter,
  quiz: quizRouter,
  game: gameRouter,
  habits: habitsRouter,
  social: socialRouter,
  profile: profileRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

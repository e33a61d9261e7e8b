import { router } from '../trpc.ts';

export const quizRouter = router({});

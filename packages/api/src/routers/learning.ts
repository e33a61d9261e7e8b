import { router } from '../trpc.ts';

export const learningRouter = router({});

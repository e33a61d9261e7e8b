import { router } from '../trpc.ts';

export const habitsRouter = router({});

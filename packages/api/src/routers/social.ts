import { router } from '../trpc.ts';

export const socialRouter = router({});

import { parseCommandArgs, platformUrl, printJson, type Command } from './common.ts';

/** `ql health`: the platform's readiness (database, Redis) as its endpoint reports it. */
export const health: Command = async (args) => {
  parseCommandArgs(args, {}, []);
  const response = await fetch(`${platformUrl()}/health/ready`);
  printJson(await response.json());
  return response.ok ? 0 : 1;
};

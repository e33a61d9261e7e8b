import { randomBytes } from 'node:crypto';

export function newLearner() {
  const id = randomBytes(4).toString('hex');
  return { email: `e2e.${id}@example.test`, username: `e2e_${id}`, password: `e2e password ${id}` };
}

import type { Page } from 'playwright-core';
import type { newLearner } from './learners.ts';

/** Signs the learner up through the web app's form and waits for the home screen. */
export async function signUpInWebApp(page: Page, learner: ReturnType<typeof newLearner>): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Email').fill(learner.email);
  await page.getByLabel('Username').fill(learner.username);
  await page.getByLabel('Password').fill(learner.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: `Welcome, ${learner.username}` }).waitFor();
}

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newVisitor } from './support/browser.ts';
import { newLearner } from './support/learners.ts';
import { signUpInWebApp } from './support/web-app.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function signInToAdmin(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/admin/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('web app', () => {
  it('signs a new learner up and shows level 1 and 0 XP', async () => {
    const context = await newVisitor(browser, baseUrl);
    const page = await context.newPage();
    const learner = newLearner();
    await signUpInWebApp(page, learner);

    expect(await page.getByTestId('level').textContent()).toContain('Level 1');
    expect(await page.getByTestId('xp').textContent()).toContain('0 XP');

    // The session survives a reload: it lives in an httpOnly cookie the page cannot read.
    await page.reload();
    await page.getByRole('heading', { name: `Welcome, ${learner.username}` }).waitFor();
    expect(await page.evaluate(() => document.cookie)).not.toContain('ql_session');
    await context.close();
  });

  it('signs out and back in', async () => {
    const context = await newVisitor(browser, baseUrl);
    const page = await context.newPage();
    const learner = newLearner();
    await signUpInWebApp(page, learner);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await page.getByLabel('Email').fill(learner.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').first().textContent()).toContain('Email or password is incorrect');

    await page.getByLabel('Password').fill(learner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: `Welcome, ${learner.username}` }).waitFor();
    await context.close();
  });
});

describe('admin app', () => {
  it('lets the admin sign in and find the learner who just signed up', async () => {
    const learnerContext = await newVisitor(browser, baseUrl);
    const learner = newLearner();
    await signUpInWebApp(await learnerContext.newPage(), learner);
    await learnerContext.close();

    const context = await newVisitor(browser, baseUrl);
    const page = await context.newPage();
    await signInToAdmin(page, inject('adminEmail'), inject('adminPassword'));
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.getByLabel('Search users').fill(learner.username);
    const row = page.getByRole('row').filter({ hasText: learner.username });
    await row.waitFor();
    expect(await row.textContent()).toContain(learner.email);
    await context.close();
  });

  it('refuses a learner, in the UI and at the server', async () => {
    const learnerContext = await newVisitor(browser, baseUrl);
    const learner = newLearner();
    await signUpInWebApp(await learnerContext.newPage(), learner);
    await learnerContext.close();

    const context = await newVisitor(browser, baseUrl);
    const page = await context.newPage();
    await signInToAdmin(page, learner.email, learner.password);
    await page.getByRole('alert').filter({ hasText: 'This account is not an admin' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Users' }).count()).toBe(0);

    // The UI is not the guard: the admin procedure itself answers 403 to this session.
    const status = await page.evaluate(async () => (await fetch('/trpc/admin.users.list?input={}')).status);
    expect(status).toBe(403);
    await context.close();
  });
});

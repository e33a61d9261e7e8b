import pg from 'pg';
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

/** The link of the latest email to `recipient`, read from the server's outbox as a mail sender would. */
async function latestEmailLink(recipient: string): Promise<string> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const { rows } = await client.query<{ link: string | null }>(
      'select link from email_outbox where recipient = $1 order by id desc limit 1',
      [recipient],
    );
    const link = rows[0]?.link;
    if (!link) throw new Error(`no email with a link to ${recipient}`);
    return link;
  } finally {
    await client.end();
  }
}

async function alertText(page: Page): Promise<string | null> {
  const alert = page.getByRole('alert');
  await alert.waitFor();
  return alert.textContent();
}

describe('email verification', () => {
  it('verifies through the emailed link once; the link then says it is no longer valid', async () => {
    const context = await newVisitor(browser, baseUrl);
    const page = await context.newPage();
    const learner = newLearner();
    await signUpInWebApp(page, learner);
    const link = await latestEmailLink(learner.email);
    expect(new URL(link).pathname).toBe('/verify-email');

    await page.goto(link);
    await page.getByRole('heading', { name: 'Verify your email' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Your email is verified' }).waitFor();
    await page.getByRole('link', { name: 'Continue to Questline' }).click();
    await page.getByRole('heading', { name: `Welcome, ${learner.username}` }).waitFor();

    await page.goto(link);
    expect(await alertText(page)).toContain('This verification link is not valid');
    // Verified now: there is nothing to resend.
    expect(await page.getByRole('button', { name: 'Send a new verification email' }).count()).toBe(0);
    await context.close();
  });

  it('offers a signed-in unverified learner a new link, and shows why it cannot be sent yet', async () => {
    const context = await newVisitor(browser, baseUrl);
    const page = await context.newPage();
    await signUpInWebApp(page, newLearner());

    await page.goto('/verify-email?token=not-a-real-token');
    expect(await alertText(page)).toContain('This verification link is not valid');
    // The sign-up email went out a moment ago: the resend is throttled.
    await page.getByRole('button', { name: 'Send a new verification email' }).click();
    await page.getByRole('alert').filter({ hasText: 'sent recently' }).waitFor();
    await context.close();
  });
});

describe('sign-in page after an OAuth failure', () => {
  it('explains the error code, and falls back for an unknown one', async () => {
    const context = await newVisitor(browser, baseUrl);
    const page = await context.newPage();
    await page.goto('/signin?error=access_denied');
    expect(await alertText(page)).toContain('Sign-in was cancelled at the provider');
    // No provider is configured for the e2e server, so none is offered.
    expect(await page.getByRole('link', { name: /^Continue with/ }).count()).toBe(0);

    await page.goto('/signin?error=something_new');
    expect(await alertText(page)).toContain('Signing in did not work');
    await context.close();
  });
});

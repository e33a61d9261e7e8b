import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, headless; the flags keep it from reaching for the network at start. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** A fresh cookie jar per learner, phone-sized, as on the product's smallest target screen. */
export function newVisitor(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
}

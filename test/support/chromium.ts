/**
 * Debian's Chromium for the browser tests, driven by playwright-core (Playwright's own browser download does not
 * work here). Tests skip, with a message, only when it is missing; CI installs it (.ci/run).
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** `describe`, or `describe.skip` with a warning naming `what` when Chromium is not installed. */
export function describeWithChromium(what: string): jest.Describe {
  if (!HAVE_CHROMIUM) console.warn(`Skipping ${what}: ${CHROMIUM} is not installed (Debian: apt-get install chromium; .ci/run installs it).`);
  return HAVE_CHROMIUM ? describe : describe.skip;
}

/** Headless Chromium without the sandbox (containers) and without any background network traffic of its own. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

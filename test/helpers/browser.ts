/**
 * Headless Debian Chromium through playwright-core (no browser download: `apt-get install chromium`).
 * Flags: this machine has no network beyond loopback, so background networking is switched off;
 * playwright gives every launch a fresh temporary profile itself.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.SIGMINE_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI)
    throw new Error(`Chromium is required in CI but ${CHROMIUM} is missing (apt-get install chromium)`);
  process.stderr.write(
    `\n*** ${CHROMIUM} not found: browser tests are SKIPPED (apt-get install chromium). ***\n\n`,
  );
  return false;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Where the browser tests find Chromium, and whether they run: without it they are left out (and
 * `npm test` says so), except under CI=true, where they run and fail, so CI never passes untested.
 */
import { existsSync } from 'node:fs';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const browserTestsLeftOut = !existsSync(chromiumPath) && !['true', '1'].includes(process.env['CI'] ?? '');

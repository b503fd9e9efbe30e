/**
 * `npm run build` with the suite's pinned reference date (unless RIGBOOK_TODAY is set), so that the
 * recorded page text is the text `npm test` builds.
 */
import { spawnSync } from 'node:child_process';
import { PINNED_REFERENCE_DATE } from '../support/reference-date.ts';

const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, RIGBOOK_TODAY: process.env['RIGBOOK_TODAY'] ?? PINNED_REFERENCE_DATE } });
process.exit(r.status ?? 1);

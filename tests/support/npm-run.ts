/** Runs the project's own npm scripts from inside a test. */
import { spawnSync } from 'node:child_process';

/**
 * `npm run --silent <script> [-- args]` with its output captured. Vitest puts its own Vite variables
 * (BASE_URL, MODE, NODE_ENV=test, ...) into process.env; a child build must not inherit them, or it
 * builds for the wrong base.
 */
export function npmRun(script: string, args: string[] = [], env: Record<string, string> = {}): { status: number | null; output: string } {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(key)) clean[key] = value;
  }
  const child = spawnSync('npm', ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], {
    env: { ...clean, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: child.status, output: `${child.stdout}\n${child.stderr}`.trim() };
}

/**
 * Golden outputs: the CLI over a broad sweep of requests, its text output and errors, and the
 * accuracy report, byte for byte as recorded. A change that moves numbers on purpose regenerates
 * these files in the same commit (see README.md, "Golden outputs") and says what moved and why.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const here = (name: string): string => new URL(`./${name}`, import.meta.url).pathname;
const cli = (args: string[], input?: string) => spawnSync(process.execPath, ['src/lib/cli.ts', ...args], { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });

describe('golden outputs', () => {
  it('answers every request of the recorded sweep with the recorded JSON line', () => {
    const run = cli(['--jsonl'], readFileSync(here('requests.jsonl'), 'utf8'));
    const expected = readFileSync(here('estimate.jsonl'), 'utf8').split('\n');
    const actual = run.stdout.split('\n');
    expect(run.status).toBe(2);
    expect(actual.length).toBe(expected.length);
    const differing = actual.flatMap((line, i) => (line === expected[i] ? [] : [i + 1]));
    expect(differing.slice(0, 5).map((n) => ({ line: n, expected: expected[n - 1], actual: actual[n - 1] }))).toEqual([]);
  });

  it('prints the recorded text, errors and exit status for each recorded command line', () => {
    const cases = JSON.parse(readFileSync(here('cli.json'), 'utf8')) as { argv: string[]; status: number; stdout: string; stderr: string }[];
    for (const c of cases) {
      const run = cli(c.argv);
      expect({ argv: c.argv, status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual(c);
    }
  });

  it('scores the held-out measurements exactly as recorded', () => {
    const run = spawnSync(process.execPath, ['scripts/accuracy.ts', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(here('accuracy.json'), 'utf8'));
  });
});

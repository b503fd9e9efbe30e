/**
 * Re-records the golden outputs from the current code: `npm run golden:record` (CLI and
 * accuracy), then `npm run golden:pages` (page text). Only for a
 * change that moves numbers on purpose; its commit says what moved and why.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const here = (name: string): URL => new URL(`./${name}`, import.meta.url);
const run = (args: string[], input?: string) => spawnSync(process.execPath, args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });

writeFileSync(here('estimate.jsonl'), run(['src/lib/cli.ts', '--jsonl'], readFileSync(here('requests.jsonl'), 'utf8')).stdout);
const cases = JSON.parse(readFileSync(here('cli-cases.json'), 'utf8')) as string[][];
const cli = cases.map((argv) => {
  const r = run(['src/lib/cli.ts', ...argv]);
  return { argv, status: r.status, stdout: r.stdout, stderr: r.stderr };
});
writeFileSync(here('cli.json'), JSON.stringify(cli, null, 1) + '\n');
writeFileSync(here('accuracy.json'), run(['scripts/accuracy.ts', '--json']).stdout);
console.log('recorded estimate.jsonl, cli.json, accuracy.json');

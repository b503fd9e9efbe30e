/**
 * `npm run catalog:add`: a config.json becomes a catalog row the schema accepts, placed with its
 * family, that estimates exactly like the config it came from.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog } from '../src/lib/catalog/index.ts';
import { validateCatalog } from '../src/lib/catalog/schema.ts';
import type { ModelEntry } from '../src/lib/catalog/types.ts';
import { estimate } from '../src/lib/estimate.ts';
import { insertRow, rowFromConfig, rowSource } from './catalog-add.ts';

const root = join(import.meta.dirname, '..');
const fixture = (id: string) => join(root, 'tests/fixtures/configs', `${id}.json`);
const config = JSON.parse(readFileSync(fixture('qwen3.6-35b-a3b'), 'utf8')) as Record<string, unknown>;
const SOURCE = 'https://huggingface.co/Qwen/Qwen3.6-35B-A3B/blob/main/config.json';
const tmp = mkdtempSync(join(tmpdir(), 'rigbook-catalog-add-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('catalog:add', () => {
  const row = rowFromConfig(config, SOURCE, '2026-12-07', { id: 'test-qwen3.6', name: 'Test Qwen3.6', vendor: 'Alibaba Qwen', licence: 'Apache-2.0', releaseDate: '2026-04' });

  it('writes a row the catalog schema accepts', () => {
    const problems = validateCatalog({ ...catalog, models: [...catalog.models, row] }, Date.UTC(2026, 11, 7)).filter((p) => p.row === row.id);
    expect(problems).toEqual([]);
  });

  it('round-trips: the row written into models.ts reads back as the same row and estimates like the config', async () => {
    const file = join(tmp, 'models.ts');
    copyFileSync(join(root, 'src/lib/catalog/models.ts'), file);
    writeFileSync(file, insertRow(readFileSync(file, 'utf8'), row));
    const { models } = await import(file) as { models: ModelEntry[] };
    const back = models.find((m) => m.id === row.id)!;
    expect(back).toEqual(row);
    // Placed after the last Qwen row, before the next family.
    const ids = models.map((m) => m.id);
    const at = ids.indexOf(row.id);
    expect(models[at - 1]!.family).toBe('qwen');
    expect(models[at + 1]?.family ?? 'end').not.toBe('qwen');
    const req = { quant: 'Q4_K_M', hardware: 'rtx-4090', context: 32768 } as const;
    expect(estimate({ ...req, config }).memory).toEqual(estimate({ ...req, model: 'qwen3.6-35b-a3b' }).memory);
  });

  it('refuses an id the catalog already has', () => {
    expect(() => insertRow(readFileSync(join(root, 'src/lib/catalog/models.ts'), 'utf8'), { ...row, id: 'qwen3.6-35b-a3b' })).toThrow(/already has a row "qwen3.6-35b-a3b"/);
  });

  it('writes numbers of five or more digits with separators, as the catalog does', () => {
    expect(rowSource(row)).toMatch(/paramsReported: \d{1,3}(_\d{3})+,/);
  });

  it('runs as a command: --dry-run prints the row, bad input exits 2 with one error line', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/catalog-add.ts'), ...args], { encoding: 'utf8' });
    const args = ['--config', fixture('glm-4.7-flash'), '--source', 'https://huggingface.co/zai-org/GLM-4.7-Flash/blob/main/config.json', '--seen', '2026-12-07', '--id', 'glm-test'];
    const missing = run(...args, '--dry-run');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/give --licence, --released or a --meta file/);
    const ok = run(...args, '--licence', 'MIT', '--released', '2026-01', '--dry-run');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/id: 'glm-test',[\s\S]*vendor: 'zai-org',[\s\S]*mla: \{ qLoraRank: 768, kvLoraRank: 512/);
    const bad = run('--config', fixture('glm-4.7-flash'), '--seen', 'yesterday');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^error: /);
  });
});

/**
 * `npm run catalog:add -- --config FILE --source URL --seen DATE [--id ID] [--meta FILE] [...]`
 *
 * Writes a catalog row for a model from its config.json: the architecture fields read by the same
 * reader as `estimate --config`, the provenance from the flags (or a meta file holding them), placed
 * after the last row of its family in src/lib/catalog/models.ts and checked by the catalog schema
 * before anything is written. Adding a model is one command and a review of the diff.
 *
 * Flags: --config FILE (required), --source URL (the config.json's address, required), --seen DATE
 * (when it was read, YYYY-MM-DD, required), --id ID (default: the config's repository name, lower
 * case), --name, --vendor, --licence, --released DATE, --hf-repo OWNER/NAME, --params N,
 * --active-params N, --notes TEXT, --meta FILE (a JSON object with any of these as
 * id/name/family/vendor/licence/releaseDate/hfRepo/paramsReported/activeParamsReported/releasedFormat/notes/readFrom),
 * --catalog FILE (default src/lib/catalog/models.ts), --dry-run (print the row, write nothing).
 * Exit 2 with one `error:` line on bad input or a row the schema refuses.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { validateCatalog } from '../src/lib/catalog/schema.ts';
import { catalog } from '../src/lib/catalog/index.ts';
import type { ModelEntry } from '../src/lib/catalog/types.ts';
import { modelFromConfig } from '../src/lib/import/config.ts';
import { readConfig } from '../src/lib/import/node-sources.ts';
import { excerpt } from '../src/lib/request.ts';
import { archFromModel } from '../src/lib/sizing/arch.ts';
import { tensorInventory } from '../src/lib/sizing/weights.ts';

const DEFAULT_CATALOG = fileURLToPath(new URL('../src/lib/catalog/models.ts', import.meta.url));

/** Provenance of a row, from flags or a meta file. */
export interface RowMeta {
  id?: string; name?: string; family?: string; vendor?: string; licence?: string; releaseDate?: string; hfRepo?: string;
  paramsReported?: number | null; activeParamsReported?: number | null; notes?: string; readFrom?: string;
  /** The vendor's release format where the config read is a derivative's (an NVFP4 re-quantization). */
  releasedFormat?: string;
}

class UsageError extends Error {}

/** The catalog row of a config.json with its provenance; the parameter counts default to the tensor count. */
export function rowFromConfig(config: Record<string, unknown>, source: string, seen: string, meta: RowMeta): ModelEntry {
  const repo = meta.hfRepo ?? /huggingface\.co\/([\w.-]+\/[\w.-]+)/.exec(source)?.[1] ?? '';
  const id = (meta.id ?? repo.split('/').pop() ?? '').toLowerCase();
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(id)) throw new UsageError('give --id (lower-case letters, digits, dots and dashes)');
  const { model, notes } = modelFromConfig(config, id);
  const inv = tensorInventory(archFromModel(model));
  const row: ModelEntry = {
    ...model,
    id,
    name: meta.name ?? id,
    family: meta.family ?? model.family,
    // The repository's owner stands for the vendor unless one is given (the row says whose repository it is either way).
    vendor: meta.vendor ?? repo.split('/')[0] ?? '',
    releaseDate: meta.releaseDate ?? '',
    hfRepo: repo,
    licence: meta.licence ?? '',
    source,
    paramsReported: meta.paramsReported ?? Math.round(inv.totalParams),
    releasedFormat: meta.releasedFormat && catalog.quants.some((q) => q.id === meta.releasedFormat) ? meta.releasedFormat : model.releasedFormat,
  };
  if (model.moe) row.activeParamsReported = meta.activeParamsReported ?? Math.round(inv.activeParams);
  const counted = meta.paramsReported ? '' : ' Parameter counts are the tensor count of the config (no vendor figure given).';
  const readFrom = meta.readFrom && meta.readFrom !== source ? ` Config read ${seen} from the copy at ${meta.readFrom}.` : ` Config read ${seen}.`;
  row.notes = `${meta.notes ? meta.notes.trim() + ' ' : ''}${readFrom.trim()}${counted}${notes.length ? ' ' + notes.join('; ') + '.' : ''}`;
  return row;
}

/** A value as TypeScript source, in the catalog's style (numbers of 5+ digits with separators). */
function literal(v: unknown): string {
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) >= 10_000_000 ? v.toLocaleString('en-US').replace(/,/g, '_') : String(v);
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return `{ ${entries.map(([k, x]) => `${k}: ${literal(x)}`).join(', ')} }`;
}

/** The row as it appears in models.ts (4-space fields inside a 2-space object). */
export function rowSource(row: ModelEntry): string {
  const lines = ['  {'];
  for (const [k, v] of Object.entries(row)) if (v !== undefined) lines.push(`    ${k}: ${literal(v)},`);
  lines.push('  },');
  return lines.join('\n');
}

/** The catalog source with `row` placed after the last row of its family (or at the end). Refuses an id already there. */
export function insertRow(source: string, row: ModelEntry): string {
  if (source.includes(`id: '${row.id}',`)) throw new UsageError(`the catalog already has a row "${row.id}"`);
  const text = rowSource(row);
  const familyAt = [...source.matchAll(new RegExp(`^    family: '${row.family.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}',$`, 'gm'))].map((m) => m.index!);
  let at: number;
  if (familyAt.length > 0) {
    at = source.indexOf('\n  },\n', familyAt[familyAt.length - 1]!) + '\n  },\n'.length;
  } else {
    at = source.lastIndexOf('\n];') + 1;
  }
  return source.slice(0, at) + text + '\n' + source.slice(at);
}

function num(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${flag} must be a whole number`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: {
        config: { type: 'string' }, source: { type: 'string' }, seen: { type: 'string' }, id: { type: 'string' },
        name: { type: 'string' }, vendor: { type: 'string' }, licence: { type: 'string' }, released: { type: 'string' },
        'hf-repo': { type: 'string' }, params: { type: 'string' }, 'active-params': { type: 'string' }, notes: { type: 'string' },
        meta: { type: 'string' }, catalog: { type: 'string' }, 'dry-run': { type: 'boolean' },
      },
    });
    if (!values.config || !values.source || !values.seen) throw new UsageError('give --config FILE, --source URL and --seen YYYY-MM-DD');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.seen)) throw new UsageError('--seen must be YYYY-MM-DD');
    const fromFile = values.meta ? JSON.parse(readFileSync(values.meta, 'utf8')) as RowMeta : {};
    const meta: RowMeta = {
      ...fromFile,
      ...(values.id ? { id: values.id } : {}), ...(values.name ? { name: values.name } : {}),
      ...(values.vendor ? { vendor: values.vendor } : {}), ...(values.licence ? { licence: values.licence } : {}),
      ...(values.released ? { releaseDate: values.released } : {}), ...(values['hf-repo'] ? { hfRepo: values['hf-repo'] } : {}),
      ...(values.notes ? { notes: values.notes } : {}),
    };
    const params = num(values.params, '--params');
    const active = num(values['active-params'], '--active-params');
    if (params !== undefined) meta.paramsReported = params;
    if (active !== undefined) meta.activeParamsReported = active;
    const config = await readConfig(values.config);
    const row = rowFromConfig(config, values.source, values.seen, meta);
    const problems = validateCatalog({ ...catalog, models: [...catalog.models.filter((m) => m.id !== row.id), row] })
      .filter((p) => p.table === 'models' && p.row === row.id);
    const flag: Record<string, string> = { vendor: '--vendor', licence: '--licence', releaseDate: '--released', hfRepo: '--hf-repo', name: '--name', paramsReported: '--params', activeParamsReported: '--active-params' };
    if (problems.length > 0) {
      const missing = problems.map((p) => flag[p.field]).filter((f): f is string => f !== undefined);
      throw new UsageError(`the row does not pass the catalog schema: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}${missing.length ? ` (give ${[...new Set(missing)].join(', ')} or a --meta file)` : ''}`);
    }
    if (values['dry-run']) { process.stdout.write(rowSource(row) + '\n'); return 0; }
    const file = values.catalog ?? DEFAULT_CATALOG;
    writeFileSync(file, insertRow(readFileSync(file, 'utf8'), row));
    process.stdout.write(`added ${row.id} (${row.family}) to ${file}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`error: ${excerpt((e as Error)?.message ?? String(e), 1000)}\n`);
    return 2;
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}

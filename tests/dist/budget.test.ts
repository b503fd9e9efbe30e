import { describe, expect, it } from 'vitest';
import record from './budget-record.json' with { type: 'json' };
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, fileGzipBytes, htmlPages, isChunkNamed, onceUsedJsGzipBytes, pageCssGzipBytes, pageJsGzipBytes, templateOf, urlOf } from '../support/dist.ts';

const cssBudgetBytes = 15 * 1024;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;
/**
 * A ceiling to record for a measured weight: the measurement plus a share of it, as the record's
 * description keeps them (1% for page types, 2% for on-demand chunks), so build noise and a few
 * bytes of change do not fail the next run.
 */
const withMargin = (bytes: number, share: number): number => Math.ceil(bytes * (1 + share));

const pages = htmlPages();

/** Gzipped JavaScript once a calculator is used, without the chunks that have a ceiling of their own. */
const onceUsedBytes = (file: string): number => onceUsedJsGzipBytes(file, Object.keys(record.onDemandChunkCeilingBytes));

/** The heaviest page of each page type, by `weigh`. */
function heaviestByType(weigh: (file: string) => number): Map<string, { url: string; bytes: number }> {
  const out = new Map<string, { url: string; bytes: number }>();
  for (const file of pages) {
    const bytes = weigh(file);
    const type = templateOf(file);
    if (bytes > (out.get(type)?.bytes ?? -1)) out.set(type, { url: urlOf(file), bytes });
  }
  return out;
}

/** Prints each page type's ceiling, heaviest page and target; returns the types over their ceiling. */
function ratchet(label: string, heaviest: Map<string, { url: string; bytes: number }>, ceilings: Record<string, number>, target: (type: string) => number | undefined): string[] {
  console.log(`gzipped JavaScript ${label}: page type, recorded ceiling, heaviest page, target`);
  const over: string[] = [];
  for (const [type, p] of [...heaviest].sort()) {
    const ceiling = ceilings[type];
    const goal = target(type);
    const note = ceiling === undefined ? 'NO RECORD' : p.bytes > ceiling ? 'OVER ITS RECORD' : withMargin(p.bytes, 0.01) < ceiling - 256 ? `record can go down to ${withMargin(p.bytes, 0.01)}` : '';
    console.log(`  ${type.padEnd(18)} ceiling ${ceiling === undefined ? '       –' : kb(ceiling).padStart(8)}  heaviest ${kb(p.bytes).padStart(8)} ${p.url.padEnd(34)} target ${goal === undefined ? '–' : `${kb(goal)} ${p.bytes <= goal ? 'met' : 'missed'}`}  ${note}`);
    if (ceiling === undefined || p.bytes > ceiling) over.push(`${type}: ${p.bytes} bytes (${p.url}) > ${ceiling ?? 'no record'}`);
  }
  return over;
}

// Ceilings per page type recorded in budget-record.json: they may only go down. Targets are printed,
// not enforced.
describe('page weights over dist/, against the recorded ceilings', () => {
  it('ships no page type more gzipped JavaScript at load than its recorded ceiling', () => {
    const heaviest = heaviestByType((f) => pageJsGzipBytes(f));
    const calculatorTypes = new Set(Object.keys(record.jsOnceUsedCeilingBytes));
    const target = (type: string) => (calculatorTypes.has(type) ? record.targets.calculatorPageAtLoadBytes : record.targets.pageWithoutCalculatorAtLoadBytes);
    expect(ratchet('at load', heaviest, record.jsAtLoadCeilingBytes, target)).toEqual([]);
  });

  it('ships no page type with a calculator more gzipped JavaScript once a calculator is used than its recorded ceiling', () => {
    const heaviest = heaviestByType(onceUsedBytes);
    // Only page types that fetch more once a calculator is used.
    for (const [type, p] of heaviest) if (p.bytes <= (heaviestByType((f) => pageJsGzipBytes(f)).get(type)?.bytes ?? 0)) heaviest.delete(type);
    expect(heaviest.size).toBeGreaterThan(0);
    expect(ratchet('once a calculator is used', heaviest, record.jsOnceUsedCeilingBytes, () => record.targets.calculatorPageOnceUsedBytes)).toEqual([]);
  });

  it('ships each chunk fetched only on a further request (the reader of the reader\'s own model) within its recorded ceiling', () => {
    const chunks = readdirSync(join(distDir, '_astro')).filter((f) => isChunkNamed(f, Object.keys(record.onDemandChunkCeilingBytes)));
    const measured = Object.entries(record.onDemandChunkCeilingBytes).map(([name, ceiling]) => {
      const files = chunks.filter((f) => isChunkNamed(f, [name]));
      const bytes = files.reduce((sum, f) => sum + fileGzipBytes(join(distDir, '_astro', f)), 0);
      console.log(`  on demand ${name.padEnd(20)} ceiling ${kb(ceiling).padStart(8)}  built ${kb(bytes).padStart(8)} (${files.join(', ') || 'missing'})${withMargin(bytes, 0.02) < ceiling - 256 ? `  record can go down to ${withMargin(bytes, 0.02)}` : ''}`);
      return { name, found: files.length, over: bytes > ceiling ? bytes : 0 };
    });
    expect(measured).toEqual(measured.map((m) => ({ ...m, found: 1, over: 0 })));
  });

  it('loads at most 15 KB of gzipped CSS on every page', () => {
    const over = pages
      .map((file) => ({ url: urlOf(file), bytes: pageCssGzipBytes(file) }))
      .filter((p) => p.bytes > cssBudgetBytes);
    expect(over).toEqual([]);
  });
});

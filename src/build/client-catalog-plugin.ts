/**
 * A Vite plugin that serves the client catalog (see src/lib/state/client-catalog.ts) as two virtual modules,
 * made from src/lib/catalog whenever the site is built or tested: `virtual:rigbook/client-catalog`
 * (models, hardware, weight formats) and `virtual:rigbook/client-catalog-extra` (API prices and
 * quality rows, imported only by the two calculators that cite them). astro.config.mjs and
 * vitest.config.ts both install it. Price rows seen more than six months before the build's
 * reference date (RIGBOOK_TODAY, else the build's date) carry `stale: true`.
 */
import type { Plugin } from 'vite';
import { apiPrices, hardware, models, qualityLoss, quants } from '../lib/catalog/index.ts';
import { isStale } from '../lib/freshness.ts';
import { compactCatalog } from '../lib/state/client-catalog.ts';
import { REFERENCE_DATE } from './reference-date.ts';

const PARTS: Record<string, 'core' | 'extra'> = {
  'virtual:rigbook/client-catalog': 'core',
  'virtual:rigbook/client-catalog-extra': 'extra',
};

/** The source of the virtual module for one part of the client catalog, with prices old at `today` marked. */
export function clientCatalogModule(part: 'core' | 'extra', today: string = REFERENCE_DATE): string {
  const compact = compactCatalog({ models, hardware, quants, apiPrices, qualityLoss }, (seen) => isStale(seen, today));
  return `export default ${JSON.stringify(compact[part])};\n`;
}

/** Resolves and loads the client catalog's virtual modules. */
export function clientCatalogPlugin(): Plugin {
  return {
    name: 'rigbook:client-catalog',
    resolveId(id) {
      return PARTS[id] ? `\0${id}` : null;
    },
    load(id) {
      const part = id.startsWith('\0') ? PARTS[id.slice(1)] : undefined;
      return part ? clientCatalogModule(part) : null;
    },
  };
}

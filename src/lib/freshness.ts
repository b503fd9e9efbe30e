/**
 * How old the dated facts of the catalog are: prices (API, cards, system memory) and hardware
 * specs, against a reference date the caller gives (the build passes RIGBOOK_TODAY or its own
 * date; nothing here reads the clock). A fact is stale when it was seen more than
 * `STALE_AFTER_MONTHS` calendar months before the reference date.
 */
import { dateMs, isWellFormedDate } from './catalog/schema.ts';

/** Months after which a price or spec is shown as old and listed by `npm run freshness`. */
export const STALE_AFTER_MONTHS = 6;

/** The reference date as a checked YYYY-MM-DD string; throws on anything else. */
export function referenceDateOf(value: string): string {
  if (!isWellFormedDate(value)) throw new Error(`reference date must be YYYY-MM-DD (got "${String(value).slice(0, 20)}")`);
  return value;
}

/** True when `seen` (YYYY-MM-DD or YYYY-MM) is more than `months` calendar months before `today` (YYYY-MM-DD), or malformed. */
export function isStale(seen: string | undefined, today: string, months = STALE_AFTER_MONTHS): boolean {
  if (seen === undefined || !isWellFormedDate(seen, true)) return true;
  const t = new Date(dateMs(today));
  const limit = Date.UTC(t.getUTCFullYear(), t.getUTCMonth() - months, t.getUTCDate());
  return dateMs(seen) < limit;
}

/** Whole days from `seen` to `today`. */
export function ageDays(seen: string, today: string): number {
  return Math.floor((dateMs(today) - dateMs(seen)) / 86_400_000);
}

/** One dated fact of the catalog. */
export interface DatedFact { kind: 'API price' | 'card price' | 'memory price' | 'spec'; id: string; seen: string; source: string }

/** Every dated fact of the tables given. */
export function datedFacts(tables: {
  apiPrices: readonly { id: string; seen: string; source: string }[];
  hardware: readonly { id: string; specSeen: string; source: string; priceSeen?: string | undefined; priceSource?: string | undefined }[];
  systemMemoryPrices?: readonly { id: string; seen: string; source: string }[];
}): DatedFact[] {
  return [
    ...tables.apiPrices.map((p): DatedFact => ({ kind: 'API price', id: p.id, seen: p.seen, source: p.source })),
    ...tables.hardware.flatMap((h): DatedFact[] => [
      { kind: 'spec', id: h.id, seen: h.specSeen, source: h.source },
      ...(h.priceSeen ? [{ kind: 'card price' as const, id: h.id, seen: h.priceSeen, source: h.priceSource ?? '' }] : []),
    ]),
    ...(tables.systemMemoryPrices ?? []).map((p): DatedFact => ({ kind: 'memory price', id: p.id, seen: p.seen, source: p.source })),
  ];
}

/** The facts older than `STALE_AFTER_MONTHS` at `today`, oldest first. */
export function staleFacts(facts: readonly DatedFact[], today: string): DatedFact[] {
  return facts.filter((f) => isStale(f.seen, today)).sort((a, b) => (dateMs(a.seen) || 0) - (dateMs(b.seen) || 0));
}

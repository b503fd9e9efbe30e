/**
 * `npm run freshness`: every price (API, card, system memory) and hardware spec seen more than six
 * months before the reference date, oldest first, with its source, so they can be refreshed.
 * The reference date is RIGBOOK_TODAY (YYYY-MM-DD) or today. A report, not a check: exits 0.
 */
import { apiPrices, hardware } from '../src/lib/catalog/index.ts';
import { systemMemoryPrices } from '../src/lib/catalog/prices.ts';
import { ageDays, datedFacts, referenceDateOf, STALE_AFTER_MONTHS, staleFacts } from '../src/lib/freshness.ts';

const today = referenceDateOf(process.env['RIGBOOK_TODAY'] ?? new Date().toISOString().slice(0, 10));
const facts = datedFacts({ apiPrices, hardware, systemMemoryPrices });
const stale = staleFacts(facts, today);
console.log(`Reference date ${today}: ${stale.length} of ${facts.length} dated facts are older than ${STALE_AFTER_MONTHS} months.`);
for (const f of stale) console.log(`  ${f.seen.padEnd(10)} ${String(ageDays(f.seen, today)).padStart(5)} days  ${f.kind.padEnd(12)} ${f.id.padEnd(34)} ${f.source}`);

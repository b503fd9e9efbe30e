/**
 * The reference date the suite builds the site with (the catalog's compile date), so that no page and
 * no golden copy of one depends on the day the suite runs. `npm test` and `npm run golden:pages` set
 * RIGBOOK_TODAY to it unless it is set already.
 */
export const PINNED_REFERENCE_DATE = '2026-12-07';

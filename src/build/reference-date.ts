/**
 * The build's reference date, the one input every "how old is this" on the site reads: the
 * RIGBOOK_TODAY environment variable (YYYY-MM-DD), else the date the build runs. Tests pin it so
 * that no page depends on the day the suite runs.
 */
import { referenceDateOf } from '../lib/freshness.ts';

export const REFERENCE_DATE: string = referenceDateOf(process.env['RIGBOOK_TODAY'] ?? new Date().toISOString().slice(0, 10));

/**
 * The open-closed gap data (data/open-closed-gap.json), typed: best open-weight and best closed
 * score per benchmark and date, each row with its source. Read by GapChart.astro and its test.
 */
import data from '../../../data/open-closed-gap.json' with { type: 'json' };

/** One side of a comparison: the best model of its kind and its score. */
export interface GapSide {
  model: string;
  score: number;
}

/** One dated comparison on one benchmark. */
export interface GapRow {
  date: string;
  benchmark: string;
  unit: string;
  bestOpen: GapSide;
  bestClosed: GapSide;
  source: string;
  grade: string;
  note: string;
}

export const gapData = data as { about: string; updated: string; rows: GapRow[] };

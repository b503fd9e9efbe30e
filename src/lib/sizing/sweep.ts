/**
 * The sweep helper: models x formats x hardware over a base request, as light rows. A module of
 * its own so only the page that sweeps (the rig builder) ships it.
 */
import type { EngineCore, Resolved, SweepRow } from './engine/index.ts';
import type { EstimateRequest } from '../request.ts';
import { offered } from './core-util.ts';

/** What to sweep: model ids, format ids, hardware specs (defaults: the catalog's, the base request's hardware). */
export interface SweepOptions { models?: string[]; quants?: string[]; hardware?: string[] }

/**
 * Every combination of models x quants x hardware specs over a base request, as light rows
 * (no maxContext/bestQuant search). Combinations the engine cannot run (e.g. a GGUF type under
 * vLLM) are left out. Defaults: the catalog's models, every quant, the base request's hardware.
 * Never throws. Reuses per-model work, so a row costs a few microseconds.
 */
export function sweep(core: EngineCore, base: EstimateRequest, opts: SweepOptions = {}): SweepRow[] {
  const ms = opts.models ?? core.catalog.models.map((m) => m.id);
  const qs = opts.quants ?? core.catalog.quants.map((q) => q.id);
  const hs = opts.hardware ?? (base.hardware !== undefined ? [base.hardware] : []);
  const rows: SweepRow[] = [];
  // Check the base's fields once, not per (model, rig): only the model and hardware ids change below.
  const req: EstimateRequest = { ...base };
  delete req.quant; delete req.bpw;
  if (core.checkFields(req).length > 0) return rows;
  for (const model of ms) {
    if (typeof model !== 'string' || model.trim() === '') continue;
    req.model = model;
    for (const hw of hs.length > 0 ? hs : [undefined]) {
      if (hw !== undefined) {
        if (typeof hw !== 'string' || hw.trim() === '') continue;
        req.hardware = hw;
      } else delete req.hardware;
      let r0r: Resolved;
      try { r0r = core.resolve(req, true); } catch { continue; }
      for (const quant of qs) {
        const r = core.withQuant(r0r, quant);
        if (!r || !offered(r.quant!, r.p.arch)) continue;
        try { rows.push(core.evaluateRow(r, model, hw ?? '')); } catch { continue; }
      }
    }
  }
  return rows;
}

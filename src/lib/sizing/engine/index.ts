/**
 * The sizing engine: `createEngine({ catalog, calibration })`. Everything it knows comes in as
 * values: the catalog rows and the fitted calibration; it keeps only caches of per-model work,
 * which it owns. Its parts, one job each: request defaults (defaults.ts), per-model work
 * (models.ts), placement and the fit searches (placement.ts), speed (speed.ts), results
 * (result.ts). Helper modules (../sweep.ts, ../tiers.ts, ...) take the engine and use the narrow
 * `EngineCore` interface below; none of them changes what it is given.
 */
import type { ModelEntry, QuantEntry } from '../../catalog/types.ts';
import { checkRequestFields, InputError, plainUnknownId, type EstimateRequest, type FieldError } from '../../request.ts';
import { placementArrays, type PlacementInput } from '../fit.ts';
import type { EstimateResult } from '../types.ts';
import type { WeightBreakdown } from '../weights.ts';
import { resolve } from './defaults.ts';
import { prepareModel, weightsOf } from './models.ts';
import { bestQuantFor, maxContextFor, placementInput } from './placement.ts';
import { evaluate, evaluateRow } from './result.ts';
import type { EngineContext, EngineOptions, PreparedModel, Resolved, SweepRow } from './types.ts';

export type { ContextBase, EngineCatalog, EngineOptions, PreparedModel, RawModel, Resolved, SweepRow } from './types.ts';

function byLowerCaseId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) m.set(r.id.toLowerCase(), r);
  return m;
}

/** Build an engine over a catalog and a calibration (see EngineOptions). */
export function createEngine(options: EngineOptions) {
  const ctx: EngineContext = {
    catalog: options.catalog,
    calibration: options.calibration,
    unknownId: options.unknownId ?? plainUnknownId,
    rawModel: options.rawModel,
    importers: options.importers,
    modelById: byLowerCaseId(options.catalog.models),
    hwById: byLowerCaseId(options.catalog.hardware),
    quantById: byLowerCaseId(options.catalog.quants),
    caches: { prepared: new Map(), rigs: new Map(), bases: new Map(), placement: placementArrays(), imported: new WeakMap() },
  };

  return {
    catalog: ctx.catalog,
    /** Catalog rows by lower-case id. */
    modelById: ctx.modelById,
    hwById: ctx.hwById,
    quantById: ctx.quantById,

    /**
     * Memory, fit and speed for one request (see EstimateRequest / EstimateResult). Throws
     * InputError(field, message) on bad input. Bytes are integers.
     */
    estimate(req: EstimateRequest): EstimateResult {
      return evaluate(ctx, resolve(ctx, req), true);
    },

    /** The estimate without the longest-context and best-format searches; null on bad input. */
    estimateFast(req: EstimateRequest): EstimateResult | null {
      try { return evaluate(ctx, resolve(ctx, req), false); } catch { return null; }
    },

    /** Per-field problems of a request, for forms; never throws. [] when `estimate` accepts it. */
    validateRequest(req: EstimateRequest): FieldError[] {
      const errs = checkRequestFields(req, ctx.unknownId);
      if (errs.length > 0) return errs;
      try {
        resolve(ctx, req, true);
        return [];
      } catch (e) {
        if (e instanceof InputError) return [{ field: e.field, message: e.message }];
        return [{ field: 'request', message: String((e as Error)?.message ?? e) }];
      }
    },

    /** Per-model work for a catalog id or row, cached. */
    prepareModel(model: string | ModelEntry): PreparedModel {
      return prepareModel(ctx, model);
    },

    /** Field checks only (types, limits, vocabularies). */
    checkFields(req: EstimateRequest): FieldError[] {
      return checkRequestFields(req, ctx.unknownId);
    },

    /** A request with its defaults resolved; `trusted` skips the field checks. Throws InputError. */
    resolve(req: EstimateRequest, trusted = false): Resolved {
      return resolve(ctx, req, trusted);
    },

    /** The same resolved request in another weight format, or null when the engine cannot load it. */
    withQuant(r: Resolved, quantId: string): Resolved | null {
      const q: QuantEntry | undefined = ctx.quantById.get(quantId.toLowerCase());
      if (!q || !q.engines.includes(r.engine)) return null;
      return { ...r, quantId: q.id, quant: q, w: weightsOf(ctx, r.p, q.id, null, r.engine), warnings: [] };
    },

    /** The placement model's input at a context, with the KV and overhead totals (bytes). */
    placementInput(r: Resolved, w: WeightBreakdown, context: number): { pin: PlacementInput; kvBytes: number; overhead: number } {
      return placementInput(ctx, r, w, context);
    },

    /** Longest context per sequence that keeps the request's verdict (tokens; 0 when nothing fits). */
    maxContextFor(r: Resolved, w: WeightBreakdown): number {
      return maxContextFor(ctx, r, w);
    },

    /** Best format that fits at the request's context, at least `minRank` in quality; null when none. */
    bestQuantFor(r: Resolved, minRank?: number): string | null {
      return bestQuantFor(ctx, r, minRank);
    },

    /** The light sweep row of a resolved request. */
    evaluateRow(r: Resolved, model: string, hardware: string): SweepRow {
      return evaluateRow(ctx, r, model, hardware);
    },
  };
}

/** What helper modules use of an engine. */
export type EngineCore = ReturnType<typeof createEngine>;

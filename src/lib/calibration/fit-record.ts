/**
 * What the last fit used and found. WRITTEN BY scripts/fit.ts with fitted.ts; read by the
 * accuracy report and the methodology page, never by the engine.
 */
import type { FitRecord } from './types.ts';

export const fitRecord: FitRecord = {
  "date": "2026-11-29",
  "rows": 511,
  "note": "Fitted by scripts/fit.ts on the fit part of data/measurements (decode, prefill, fit-verdict rows whose split is \"fit\"); the test part was not used.",
  "sources": 28,
  "params": [
    {
      "name": "cuda.decodeBandwidth.default",
      "value": 0.929064,
      "rows": 75,
      "medianRatioAfter": 0.997
    },
    {
      "name": "cuda.decodeBandwidth.gguf-k",
      "value": 0.924846,
      "rows": 36,
      "medianRatioAfter": 0.999
    },
    {
      "name": "cuda.decodeBandwidth.float",
      "value": 0.936521,
      "rows": 20,
      "medianRatioAfter": 1.001
    },
    {
      "name": "cuda.decodeBandwidth.gguf-legacy",
      "value": 0.87464,
      "rows": 14,
      "medianRatioAfter": 0.9952
    },
    {
      "name": "cuda.decodeBandwidth.microscaling",
      "value": 0.914409,
      "rows": 5,
      "medianRatioAfter": 0.997
    },
    {
      "name": "cuda.decodeBandwidthHbm.default",
      "value": 0.372336,
      "rows": 22,
      "medianRatioAfter": 0.954
    },
    {
      "name": "cuda.decodeBandwidthHbm.float",
      "value": 0.645619,
      "rows": 10,
      "medianRatioAfter": 0.9801
    },
    {
      "name": "cuda.decodeBandwidthHbm.gguf-k",
      "value": 0.609507,
      "rows": 12,
      "medianRatioAfter": 0.9398
    },
    {
      "name": "cuda.decodeLayerOverheadSec",
      "value": 0.0001,
      "rows": 97,
      "medianRatioAfter": 0.9907
    },
    {
      "name": "cuda.prefillCompute",
      "value": 0.439078,
      "rows": 80,
      "medianRatioAfter": 0.9936
    },
    {
      "name": "cuda.prefillFp16AccBoost",
      "value": 3,
      "rows": 29,
      "medianRatioAfter": 0.9696
    },
    {
      "name": "cuda.prefillAttentionFactor",
      "value": 0.15,
      "rows": 80,
      "medianRatioAfter": 0.9936
    },
    {
      "name": "cuda.prefillPeakExponent",
      "value": 0.6,
      "rows": 80,
      "medianRatioAfter": 0.9936
    },
    {
      "name": "cuda.prefillAttentionFactorFa",
      "value": 1,
      "rows": 15,
      "medianRatioAfter": 0.9713
    },
    {
      "name": "cuda.prefillFamilyFactor.gguf-legacy",
      "value": 1.061187,
      "rows": 10,
      "medianRatioAfter": 1
    },
    {
      "name": "cuda.prefillFamilyFactor.microscaling",
      "value": 0.866911,
      "rows": 5,
      "medianRatioAfter": 0.8121
    },
    {
      "name": "cuda.prefillFamilyFactor.float",
      "value": 1.215931,
      "rows": 17,
      "medianRatioAfter": 1
    },
    {
      "name": "metal.decodeBandwidth.default",
      "value": 0.945175,
      "rows": 25,
      "medianRatioAfter": 1.0031
    },
    {
      "name": "metal.decodeBandwidth.gguf-k",
      "value": 0.706451,
      "rows": 12,
      "medianRatioAfter": 0.9973
    },
    {
      "name": "metal.decodeBandwidth.float",
      "value": 0.832239,
      "rows": 11,
      "medianRatioAfter": 0.9973
    },
    {
      "name": "metal.decodeLayerOverheadSec",
      "value": 0.00025,
      "rows": 25,
      "medianRatioAfter": 1.0031
    },
    {
      "name": "metal.prefillCompute",
      "value": 0.597601,
      "rows": 26,
      "medianRatioAfter": 0.9791
    },
    {
      "name": "metal.prefillAttentionFactor",
      "value": 0.8,
      "rows": 26,
      "medianRatioAfter": 0.9791
    },
    {
      "name": "metal.prefillPeakExponent",
      "value": 1,
      "rows": 26,
      "medianRatioAfter": 0.9791
    },
    {
      "name": "metal.prefillFamilyFactor.float",
      "value": 1.218114,
      "rows": 8,
      "medianRatioAfter": 1
    },
    {
      "name": "layerSplitHopSec",
      "value": 0.0002,
      "rows": 108,
      "medianRatioAfter": 0.9706
    },
    {
      "name": "layerSplitPrefillEfficiency",
      "value": 1,
      "rows": 96,
      "medianRatioAfter": 0.9847
    }
  ],
  "unfitted": [
    "rocm.decodeLayerOverheadSec (the engine does not read it)",
    "rocm.prefillPeakExponent (the engine does not read it)",
    "rocm.prefillAttentionFactor (the engine does not read it)",
    "rocm decode (3 fit rows)",
    "rocm prefill (3 fit rows)",
    "vulkan decode (3 fit rows)",
    "vulkan prefill (3 fit rows)",
    "cpu decode (0 fit rows)",
    "cpu prefill (0 fit rows)",
    "tensorParallelScaling (no tensor-parallel rows in the set)"
  ],
  "spreads": {
    "method": "p10/p90 of measured/predicted over out-of-fold predictions of the fit part (5 folds by run, each re-fitted without its fold)",
    "values": [
      {
        "backend": "cuda",
        "kind": "decode",
        "devices": "single",
        "spread": [
          0.891,
          1.112
        ],
        "rows": 97
      },
      {
        "backend": "cuda",
        "kind": "decode",
        "devices": "multi",
        "spread": [
          0.871,
          1.192
        ],
        "rows": 108
      },
      {
        "backend": "cuda",
        "kind": "prefill",
        "devices": "single",
        "spread": [
          0.824,
          1.3
        ],
        "rows": 80
      },
      {
        "backend": "cuda",
        "kind": "prefill",
        "devices": "multi",
        "spread": [
          0.671,
          1.285
        ],
        "rows": 96
      },
      {
        "backend": "metal",
        "kind": "decode",
        "devices": "single",
        "spread": [
          0.703,
          1.284
        ],
        "rows": 25
      },
      {
        "backend": "metal",
        "kind": "prefill",
        "devices": "single",
        "spread": [
          0.747,
          1.256
        ],
        "rows": 26
      }
    ]
  }
};

/**
 * Fitted calibration values. WRITTEN BY scripts/fit.ts — edit by re-running the fit
 * (`npx node scripts/fit.ts`), not by hand. `fittedOn` records what the fit used.
 */
import type { CalibrationValues } from './types.ts';

export const fitted: CalibrationValues = {
  "fittedOn": {
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
        "value": 0.41599,
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
        "name": "cuda.decodeSpread",
        "value": 1.05,
        "rows": 205,
        "medianRatioAfter": null
      },
      {
        "name": "cuda.prefillCompute",
        "value": 0.582805,
        "rows": 80,
        "medianRatioAfter": 0.972
      },
      {
        "name": "cuda.prefillFp16AccBoost",
        "value": 2.25,
        "rows": 29,
        "medianRatioAfter": 0.8874
      },
      {
        "name": "cuda.prefillAttentionFactor",
        "value": 0.2,
        "rows": 80,
        "medianRatioAfter": 0.972
      },
      {
        "name": "cuda.prefillPeakExponent",
        "value": 0.4,
        "rows": 80,
        "medianRatioAfter": 0.972
      },
      {
        "name": "metal.decodeBandwidth.default",
        "value": 0.945186,
        "rows": 25,
        "medianRatioAfter": 1.0031
      },
      {
        "name": "metal.decodeBandwidth.gguf-k",
        "value": 0.706453,
        "rows": 12,
        "medianRatioAfter": 0.9973
      },
      {
        "name": "metal.decodeBandwidth.float",
        "value": 0.832255,
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
        "name": "metal.decodeSpread",
        "value": 1.191,
        "rows": 25,
        "medianRatioAfter": null
      },
      {
        "name": "metal.prefillCompute",
        "value": 0.610506,
        "rows": 26,
        "medianRatioAfter": 1
      },
      {
        "name": "metal.prefillAttentionFactor",
        "value": 0.6,
        "rows": 26,
        "medianRatioAfter": 1
      },
      {
        "name": "metal.prefillPeakExponent",
        "value": 1,
        "rows": 26,
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
        "value": 0.8,
        "rows": 96,
        "medianRatioAfter": 1.0718
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
    ]
  },
  "backends": {
    "cuda": {
      "decodeBandwidth": {
        "default": 0.9290640252242396,
        "gguf-k": 0.9248459730686522,
        "float": 0.9365206050303404,
        "gguf-legacy": 0.8746401436704895,
        "microscaling": 0.9144087945915382
      },
      "prefillCompute": 0.5828054716627302,
      "decodeSpread": [
        0.871,
        1.05
      ],
      "prefillSpread": [
        0.74,
        1.443
      ],
      "decodeLayerOverheadSec": 0.0001,
      "prefillFp16AccBoost": 2.25,
      "prefillAttentionFactor": 0.2,
      "prefillPeakExponent": 0.4,
      "decodeBandwidthHbm": {
        "default": 0.4159904607735079,
        "float": 0.6456193340850765,
        "gguf-k": 0.6095066725090236
      }
    },
    "metal": {
      "decodeBandwidth": {
        "default": 0.945186281936006,
        "gguf-k": 0.7064529495771323,
        "float": 0.8322549834600638
      },
      "prefillCompute": 0.6105064322484832,
      "decodeSpread": [
        0.802,
        1.191
      ],
      "prefillSpread": [
        0.791,
        1.228
      ],
      "decodeLayerOverheadSec": 0.00025,
      "prefillAttentionFactor": 0.6,
      "prefillPeakExponent": 1
    },
    "rocm": {
      "decodeBandwidth": {
        "default": 0.20286163718426806,
        "float": 0.07482335243833017
      },
      "prefillCompute": 0.02,
      "decodeSpread": [
        0.75,
        1.25
      ],
      "prefillSpread": [
        0.6,
        1.4
      ],
      "decodeLayerOverheadSec": 0,
      "prefillPeakExponent": 1,
      "prefillAttentionFactor": 1
    },
    "vulkan": {
      "decodeBandwidth": {
        "default": 0.8810739804154896
      },
      "prefillCompute": 0.11802214192668889,
      "decodeSpread": [
        0.75,
        1.25
      ],
      "prefillSpread": [
        0.6,
        1.4
      ],
      "decodeLayerOverheadSec": 0.00025,
      "prefillPeakExponent": 1,
      "prefillAttentionFactor": 0.1
    },
    "cpu": {
      "decodeBandwidth": {
        "default": 0.6
      },
      "prefillCompute": 0.5,
      "decodeSpread": [
        0.7,
        1.3
      ],
      "prefillSpread": [
        0.6,
        1.4
      ]
    }
  },
  "layerSplitHopSec": 0.0002,
  "tensorParallelScaling": {
    "pcie": 0.6,
    "nvlink": 0.8,
    "none": 0.5
  },
  "layerSplitPrefillEfficiency": 0.8
};

/**
 * Fitted calibration values. WRITTEN BY scripts/fit.ts — edit by re-running the fit
 * (`npx node scripts/fit.ts`), not by hand. fit-record.ts records what the fit used.
 */
import type { CalibrationValues } from '../sizing/calibration.ts';

export const fitted: CalibrationValues = {
  "backends": {
    "cuda": {
      "decodeBandwidth": {
        "default": 0.92906,
        "gguf-k": 0.92485,
        "float": 0.93652,
        "gguf-legacy": 0.87464,
        "microscaling": 0.91441
      },
      "prefillCompute": 0.43908,
      "decodeSpread": [
        0.891,
        1.112
      ],
      "prefillSpread": [
        0.824,
        1.3
      ],
      "decodeLayerOverheadSec": 0.0001,
      "prefillFp16AccBoost": 3,
      "prefillAttentionFactor": 0.15,
      "prefillPeakExponent": 0.6,
      "decodeBandwidthHbm": {
        "default": 0.37234,
        "float": 0.64562,
        "gguf-k": 0.60951
      },
      "prefillFamilyFactor": {
        "gguf-legacy": 1.0612,
        "microscaling": 0.86691,
        "float": 1.2159
      },
      "prefillAttentionFactorFa": 1,
      "decodeSpreadMulti": [
        0.871,
        1.192
      ],
      "prefillSpreadMulti": [
        0.671,
        1.285
      ]
    },
    "metal": {
      "decodeBandwidth": {
        "default": 0.94517,
        "gguf-k": 0.70645,
        "float": 0.83224
      },
      "prefillCompute": 0.5976,
      "decodeSpread": [
        0.703,
        1.284
      ],
      "prefillSpread": [
        0.747,
        1.256
      ],
      "decodeLayerOverheadSec": 0.00025,
      "prefillAttentionFactor": 0.8,
      "prefillPeakExponent": 1,
      "prefillFamilyFactor": {
        "float": 1.2181
      }
    },
    "rocm": {
      "decodeBandwidth": {
        "default": 0.023036,
        "float": 0.02
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
      "prefillAttentionFactor": 1,
      "prefillFamilyFactor": {}
    },
    "vulkan": {
      "decodeBandwidth": {
        "default": 0.88108
      },
      "prefillCompute": 0.10635,
      "decodeSpread": [
        0.75,
        1.25
      ],
      "prefillSpread": [
        0.6,
        1.4
      ],
      "decodeLayerOverheadSec": 0.00025,
      "prefillPeakExponent": 0.8,
      "prefillAttentionFactor": 0.1,
      "prefillFamilyFactor": {}
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
      ],
      "prefillFamilyFactor": {}
    }
  },
  "layerSplitHopSec": 0.0002,
  "tensorParallelScaling": {
    "pcie": 0.6,
    "nvlink": 0.8,
    "none": 0.5
  },
  "layerSplitPrefillEfficiency": 1
};

/**
 * Fitted calibration values. WRITTEN BY scripts/fit.ts — edit by re-running the fit
 * (`npx node scripts/fit.ts`), not by hand. fit-record.ts records what the fit used.
 */
import type { CalibrationValues } from './types.ts';

export const fitted: CalibrationValues = {
  "backends": {
    "cuda": {
      "decodeBandwidth": {
        "default": 0.9290640252242396,
        "gguf-k": 0.9248459730686522,
        "float": 0.9365206050303404,
        "gguf-legacy": 0.8746401436704895,
        "microscaling": 0.9144087945915382
      },
      "prefillCompute": 0.4390784066119147,
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
        "default": 0.3723356221801896,
        "float": 0.6456193340850765,
        "gguf-k": 0.6095066725090236
      },
      "prefillFamilyFactor": {
        "gguf-legacy": 1.0611869574939863,
        "microscaling": 0.8669107738491008,
        "float": 1.2159307651251214
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
        "default": 0.9451540829951943,
        "gguf-k": 0.7065011032323762,
        "float": 0.8322205795554573
      },
      "prefillCompute": 0.5976010233124613,
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
        "float": 1.21811349700895
      }
    },
    "rocm": {
      "decodeBandwidth": {
        "default": 0.025829248080052894,
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
        "default": 0.8810852523082306
      },
      "prefillCompute": 0.09096138012231221,
      "decodeSpread": [
        0.75,
        1.25
      ],
      "prefillSpread": [
        0.6,
        1.4
      ],
      "decodeLayerOverheadSec": 0.00025,
      "prefillPeakExponent": 0.5,
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

#!/bin/sh
# The x87 differential suites in full mode: STRATA_FPU_CASES single-instruction cases (default
# 200000), a sixth as many transcendental cases and a quarter as many sequences.
# Usage (from packages/isa): sh harness/fpu/full.sh [cases] [seed]
set -e
cd "$(dirname "$0")/../.."
STRATA_FPU_CASES="${1:-200000}" STRATA_FPU_SEED="${2:-6221191}" exec pnpm exec vitest run test/fpu-host.test.ts

// `pnpm --filter @strata/isa conformance -- --seed S --cases N [--filter F] [--engine interp|qemu] [--verbose]`
// The CLI lives in src/testing/cli.ts; this file only connects it to the process.
import { main } from "../src/testing/cli";

process.exitCode = main(process.argv.slice(2));

// `pnpm --filter @strata/dbt conformance -- --seed S --cases N [--filter F] [--threshold T] [--verbose]`
import { conformanceMain } from "../src/conformance/cli";

process.exitCode = conformanceMain(process.argv.slice(2));

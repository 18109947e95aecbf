/** Node-only parts of @strata/dbt: the conformance adapter for @strata/isa/testing. */
export { dbtCaseEngine, type DbtCaseEngineOptions } from "./conformance/case-engine";
export { conformanceMain } from "./conformance/cli";

/**
 * @strata/dbt: a dynamic binary translator for @strata/isa. IA-32 basic blocks become JavaScript
 * functions (translate/codegen.ts) in a bounded translation cache with chaining and
 * self-modifying-code invalidation (cache/), driven by an Engine with the interpreter's exact
 * observable behaviour (engine/dbt-engine.ts), and a callout hook for monitors (monitor/).
 */
export { DbtEngine, DEFAULT_HOT_THRESHOLD, DEFAULT_REGION_BLOCKS, type DbtOptions } from "./engine/dbt-engine";
export { createDbtEngine } from "./engine/create";
export { TranslationCache, DEFAULT_MAX_BLOCKS, type InvalidationCause } from "./cache/translation-cache";
export { TBlock, MAX_BLOCK_INSNS, type BlockFn } from "./cache/block";
export { regionSource, compileRegion, INLINE_FORMS, MAX_REGION_BLOCKS, MAX_REGION_INSNS } from "./translate/codegen";
export { clearFactoryCache, FACTORY_CACHE_BYTES } from "./translate/factory-cache";
export type { Callout, CalloutAction, CalloutMap } from "./monitor/callout";
export { createDbtPcMachine, type DbtPcMachine } from "./machine/pc";

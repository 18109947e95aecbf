/**
 * Compiled translations shared by every translator in the JavaScript realm, keyed by their
 * generated source. A translation's source depends only on the guest code and the state it was
 * translated under (instruction bytes, EIPs, the code-segment base, the options that shape the
 * code), never on the engine: the engine's objects (its blocks, TLB arrays, guest memory, Mmu)
 * are arguments of the compiled factory. So a second process running the same program, a lab
 * comparing levels or a run restarted from a snapshot gets the factory V8 has already compiled,
 * and the closures it makes share V8's feedback and optimized code (closures of one function
 * literal do): their translations start warm instead of in V8's bytecode interpreter.
 *
 * Bounded by the total length of the sources kept (oldest dropped first).
 */
export const FACTORY_CACHE_BYTES = 8 << 20;

const factories = new Map<string, unknown>();
let bytes = 0;

/** The cached factory compiled from `src`, or the one `compile` makes (then cached). */
export function cachedFactory<F>(src: string, compile: () => F): { factory: F; reused: boolean } {
  const hit = factories.get(src);
  if (hit !== undefined) return { factory: hit as F, reused: true };
  const factory = compile();
  factories.set(src, factory);
  bytes += src.length;
  while (bytes > FACTORY_CACHE_BYTES && factories.size > 1) {
    const oldest = factories.keys().next().value as string;
    factories.delete(oldest);
    bytes -= oldest.length;
  }
  return { factory, reused: false };
}

/** Forgets every cached factory (benchmarks measuring translation from scratch; tests). */
export function clearFactoryCache(): void {
  factories.clear();
  bytes = 0;
}

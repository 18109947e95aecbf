/**
 * The linear -> physical step (SDM Vol. 3 §3.3). The MMU caches its answers in the TLB; what fills
 * the TLB is pluggable: identity while paging is off (CR0.PG = 0), the host-managed page map of the
 * user-level machine (memory/page-map.ts), and the two-level page walk of CR0.PG = 1
 * (memory/paging.ts).
 */

/** Access kinds, as the bits of a #PF error code (SDM Vol. 3 §4.7). */
export const ACCESS_READ = 0;
export const ACCESS_WRITE = 2;
export const ACCESS_USER = 4;
export const ACCESS_FETCH = 16;

export interface Translator {
  /**
   * Physical address of `linear` (an unsigned number) for an access of kind `access` (ACCESS_*
   * bits), or -1 when the access faults; then `faultCode` holds the #PF error code.
   */
  translate(linear: number, access: number): number;
  readonly faultCode: number;
  /** TLBF_* bits (memory/tlb.ts) describing the last successful translation, for the TLB fill. */
  readonly fill: number;
}

/** Paging disabled: linear addresses are physical. */
export class IdentityTranslator implements Translator {
  readonly faultCode = 0;
  readonly fill = 0;
  translate(linear: number): number {
    return linear >>> 0;
  }
}

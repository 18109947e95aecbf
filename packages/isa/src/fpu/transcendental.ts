import type { X87State } from "./state";
export const X87Transcendental = { F2XM1: 0, FYL2X: 1, FPTAN: 2, FPATAN: 3, FYL2XP1: 4, FSINCOS: 5, FSIN: 6, FCOS: 7 } as const;
export type X87Transcendental = (typeof X87Transcendental)[keyof typeof X87Transcendental];
export function x87Transcendental(_fpu: X87State, _op: X87Transcendental): void {
  throw new Error("TODO");
}

/**
 * THE opcode table: every IA-32 encoding Strata knows, one record per encoding (see `OpDef` in
 * ./types). Decoder, disassembler, interpreter, translator and monitors all derive from this array.
 * Entry order has no meaning; an entry's position is its stable index only within one build.
 */
import { INTEGER } from "./integer";
import { SYSTEM } from "./system";
import { X87 } from "./x87";
import { SIMD } from "./simd";
import { LATER } from "./later";
import type { OpDef } from "./types";

export const OPCODES = [...INTEGER, ...SYSTEM, ...X87, ...SIMD, ...LATER] as const satisfies readonly OpDef[];

/** One table entry, as stored in `OPCODES`. */
export type OpcodeEntry = (typeof OPCODES)[number];

/**
 * Every semantics id in the table. An interpreter declares
 * `const EXEC = { ... } satisfies Record<SemId, ExecFn>` so that a missing handler is a compile error.
 */
export type SemId = OpcodeEntry["sem"];

/** Every mnemonic in the table (objdump spelling). */
export type Mnemonic = OpcodeEntry["mn"];

/** Compile-time guard: `SemId` must stay a union of literals, or `Record<SemId, ...>` checks nothing. */
export const SEM_ID_IS_LITERAL: string extends SemId ? never : true = true;

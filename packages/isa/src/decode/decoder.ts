/**
 * The IA-32 instruction decoder (SDM Vol. 2 Chapter 2): prefixes → opcode map → table entry →
 * ModRM/SIB/displacement → immediates, into a caller-owned `DecodedInsn`. No allocation per
 * instruction; undecodable bytes yield `fault` (#UD, #GP for > 15 bytes), never a host exception.
 */
import { OPCODES as OPCODES_TABLE } from "../table/opcodes";
import * as dispatch from "./dispatch";
import * as insn from "./insn";
import { DecodedInsn, DecodeFault, UD_ENTRY } from "./insn";

// Module-local copies of the tables and constants: the hot path then reads plain locals, whatever
// the module system does with imported bindings (CJS transpilation turns them into getters).
const OPCODES = OPCODES_TABLE;
const { NODES, ROOT, ENTRY_ATTR, ENTRY_IMM1, ENTRY_IMM2, UD } = dispatch;
const { ATTR_CR, ATTR_FORCE_REG, ATTR_LOCK, ATTR_MEM_ONLY, ATTR_MODRM, ATTR_REG_ONLY } = dispatch;
const { IMM_AP, IMM_B, IMM_BS, IMM_JB, IMM_JZ, IMM_MOFFS, IMM_NONE, IMM_W, IMM_Z } = dispatch;
const { SPLIT_ASZ, SPLIT_MOD, SPLIT_OSZ, SPLIT_PFX, SPLIT_REG, SPLIT_RM } = dispatch;
const { MAP_0F, MAP_0F38, MAP_0F3A, MAP_1B, MAX_INSN_LENGTH } = insn;
const { PREFIX_ADDRSIZE, PREFIX_LOCK, PREFIX_OPSIZE, PREFIX_REP, PREFIX_REPNE, PREFIX_SEG } = insn;
const { SEG_CS, SEG_DS, SEG_ES, SEG_FS, SEG_GS, SEG_SS } = insn;
const F_NONE = DecodeFault.None;
const F_UD = DecodeFault.UD;
const F_GP = DecodeFault.GP;
const F_FETCH = DecodeFault.Fetch;
const F_TRUNC = DecodeFault.Truncated;

/**
 * Byte source for `decodeFetch`: returns the byte at `offset` bytes from the instruction start
 * (0..255), or a negative number when it cannot be fetched (e.g. the page is not present; the
 * caller records its own fault and sees `F_FETCH`). Called with increasing offsets, so
 * an instruction crossing a page boundary is fetched byte by byte through the caller's MMU.
 */
export type FetchByte = (offset: number) => number;

// 16-bit addressing forms (SDM Vol. 2 Table 2-1), by r/m: base and index registers.
const EA16_BASE = [3, 3, 5, 5, 6, 7, 5, 3] as const; // BX BX BP BP SI DI BP BX
const EA16_INDEX = [6, 7, 6, 7, -1, -1, -1, -1] as const; // SI DI SI DI - - - -

const EMPTY = new Uint8Array(0);

/**
 * A reusable decoder. One instance per thread of use; `decodeBytes`/`decodeFetch` overwrite the
 * given record and return true when it holds a valid instruction.
 */
export class Decoder {
  /**
   * Syntax-only decoding, for disassemblers: encodings that are well-formed but raise #UD when
   * executed (LOCK on a non-lockable form or a register destination, MOV to/from CR1/CR5–CR7)
   * decode instead of faulting. Execution engines keep the default (false).
   */
  constructor(readonly syntaxOnly = false) {}

  private buf: Uint8Array = EMPTY;
  private base = 0;
  /** Bytes readable by the fast path (array mode); 0 in fetch mode. */
  private lim = 0;
  private fetch: FetchByte | null = null;
  private pos = 0;
  private failed: DecodeFault = F_NONE;

  /**
   * Decodes the instruction at `bytes[offset]`. `bits` is the code segment's default size (CS.D:
   * 32, or 16 for real mode / 16-bit segments).
   */
  decodeBytes(out: DecodedInsn, bytes: Uint8Array, offset: number, bits: 16 | 32 = 32): boolean {
    this.buf = bytes;
    this.base = offset;
    this.lim = Math.max(0, Math.min(bytes.length - offset, MAX_INSN_LENGTH));
    this.fetch = null;
    return this.run(out, bits);
  }

  /** Decodes through a byte-fetch callback (see `FetchByte`). */
  decodeFetch(out: DecodedInsn, fetch: FetchByte, bits: 16 | 32 = 32): boolean {
    this.fetch = fetch;
    this.buf = EMPTY;
    this.base = 0;
    this.lim = 0;
    return this.run(out, bits);
  }

  /** Next byte, or -1 after recording why none is available. */
  private next(): number {
    const i = this.pos;
    // Fast path: array mode within the available bytes and the 15-byte limit.
    if (i < this.lim) {
      this.pos = i + 1;
      return this.buf[this.base + i] ?? 0;
    }
    return this.nextSlow(i);
  }

  private nextSlow(i: number): number {
    if (i >= MAX_INSN_LENGTH) {
      this.failed = F_GP;
      return -1;
    }
    if (this.fetch === null) {
      this.failed = F_TRUNC;
      return -1;
    }
    const b = this.fetch(i);
    if (b < 0) {
      this.failed = F_FETCH;
      return -1;
    }
    this.pos = i + 1;
    return b & 0xff;
  }

  private fail(out: DecodedInsn, fault: DecodeFault): boolean {
    out.fault = fault;
    out.length = this.pos;
    out.entry = -1;
    out.op = UD_ENTRY;
    return false;
  }

  private run(out: DecodedInsn, bits: 16 | 32): boolean {
    this.pos = 0;
    this.failed = F_NONE;
    out.fault = F_NONE;
    out.prefixes = 0;
    out.prefixCount = 0;
    out.bits = bits;
    out.segOverride = -1;
    out.mandatory = 0;
    out.modrm = -1;
    out.mod = 0;
    out.reg = 0;
    out.rm = 0;
    out.sib = -1;
    out.hasMem = false;
    out.base = -1;
    out.index = -1;
    out.scale = 0;
    out.disp = 0;
    out.dispSize = 0;
    out.imm = 0;
    out.imm2 = 0;
    out.immOffset = 0;

    // --- legacy prefixes (SDM §2.1.1); the last F2/F3 wins ---
    let prefixes = 0;
    let lastRep = 0;
    let b: number;
    for (;;) {
      b = this.next();
      if (b < 0) return this.fail(out, this.failed);
      switch (b) {
        case 0xf0: prefixes |= PREFIX_LOCK; continue;
        case 0xf2: prefixes |= PREFIX_REPNE; lastRep = 0xf2; continue;
        case 0xf3: prefixes |= PREFIX_REP; lastRep = 0xf3; continue;
        case 0x66: prefixes |= PREFIX_OPSIZE; continue;
        case 0x67: prefixes |= PREFIX_ADDRSIZE; continue;
        case 0x26: prefixes |= PREFIX_SEG; out.segOverride = SEG_ES; continue;
        case 0x2e: prefixes |= PREFIX_SEG; out.segOverride = SEG_CS; continue;
        case 0x36: prefixes |= PREFIX_SEG; out.segOverride = SEG_SS; continue;
        case 0x3e: prefixes |= PREFIX_SEG; out.segOverride = SEG_DS; continue;
        case 0x64: prefixes |= PREFIX_SEG; out.segOverride = SEG_FS; continue;
        case 0x65: prefixes |= PREFIX_SEG; out.segOverride = SEG_GS; continue;
      }
      break;
    }
    out.prefixCount = this.pos - 1;

    // --- opcode map ---
    let map = MAP_1B;
    if (b === 0x0f) {
      b = this.next();
      if (b < 0) return this.fail(out, this.failed);
      map = MAP_0F;
      if (b === 0x38 || b === 0x3a) {
        map = b === 0x38 ? MAP_0F38 : MAP_0F3A;
        b = this.next();
        if (b < 0) return this.fail(out, this.failed);
      }
    }
    out.map = map;
    out.opcode = b;

    let opsize = bits;
    let addrsize = bits;
    if ((prefixes & PREFIX_ADDRSIZE) !== 0) addrsize = bits === 32 ? 16 : 32;

    // --- walk split nodes to an entry ---
    let slot = ROOT[(map << 8) | b] ?? UD;
    let modrm = -1;
    let mandatory = 0;
    let osToggled = (prefixes & PREFIX_OPSIZE) !== 0;
    // A lenient prefix split remembers its prefix-less form: if the prefixed path ends in #UD,
    // decoding resumes there with the prefix in its legacy role (e.g. F3 0F 1E /0 = NOP).
    let fallback = UD;
    let fallbackPrefixes = 0;
    let fallbackOs = false;
    for (;;) {
      while (slot <= -2) {
        const node = NODES[-2 - slot];
        if (node === undefined) return this.fail(out, F_UD);
        const slots = node.slots;
        switch (node.kind) {
          case SPLIT_PFX: {
            // Mandatory prefix: the last F2/F3, else 66 (SDM Vol. 2 §2.1.2; iced agrees). A form
            // that does not exist for the selected prefix is #UD, unless the node is lenient.
            let s = UD;
            if (lastRep !== 0 || (prefixes & PREFIX_OPSIZE) !== 0) {
              const which = lastRep === 0xf3 ? 2 : lastRep === 0xf2 ? 3 : 1;
              s = slots[which] ?? UD;
              if (s !== UD) {
                if (node.lenient) {
                  fallback = slots[0] ?? UD;
                  fallbackPrefixes = prefixes;
                  fallbackOs = osToggled;
                }
                if (which === 1) {
                  mandatory = 0x66;
                  osToggled = false;
                } else {
                  mandatory = lastRep;
                  prefixes &= ~(lastRep === 0xf3 ? PREFIX_REP : PREFIX_REPNE);
                }
              } else if (!node.lenient) return this.fail(out, F_UD);
            }
            if (s === UD) s = slots[0] ?? UD;
            slot = s;
            break;
          }
          case SPLIT_REG:
          case SPLIT_MOD:
          case SPLIT_RM:
            if (modrm < 0) {
              modrm = this.next();
              if (modrm < 0) return this.fail(out, this.failed);
            }
            slot =
              node.kind === SPLIT_REG
                ? (slots[(modrm >> 3) & 7] ?? UD)
                : node.kind === SPLIT_MOD
                  ? (slots[modrm >= 0xc0 ? 1 : 0] ?? UD)
                  : (slots[modrm & 7] ?? UD);
            break;
          case SPLIT_OSZ:
            slot = slots[(osToggled ? (bits === 32 ? 16 : 32) : bits) === 16 ? 0 : 1] ?? UD;
            break;
          case SPLIT_ASZ:
            slot = slots[addrsize === 16 ? 0 : 1] ?? UD;
            break;
          default:
            return this.fail(out, F_UD);
        }
      }
      if (slot >= 0 || fallback === UD) break;
      slot = fallback;
      fallback = UD;
      mandatory = 0;
      prefixes = fallbackPrefixes;
      osToggled = fallbackOs;
    }
    if (slot < 0) {
      // Consume the ModRM an undefined group member would have had, as hardware and iced do,
      // so `length` covers the bytes examined.
      return this.fail(out, F_UD);
    }
    if (osToggled) opsize = bits === 32 ? 16 : 32;
    const entry = slot;
    const attr = ENTRY_ATTR[entry] ?? 0;
    out.entry = entry;
    out.op = OPCODES[entry] ?? UD_ENTRY;
    out.mandatory = mandatory;
    out.opsize = opsize;
    out.addrsize = addrsize;

    // --- ModRM, SIB, displacement (SDM §2.1.5) ---
    let seg = SEG_DS;
    if ((attr & ATTR_MODRM) !== 0) {
      if (modrm < 0) {
        modrm = this.next();
        if (modrm < 0) return this.fail(out, this.failed);
      }
      let mod = modrm >> 6;
      const rm = modrm & 7;
      out.modrm = modrm;
      out.reg = (modrm >> 3) & 7;
      out.rm = rm;
      if ((attr & ATTR_FORCE_REG) !== 0) {
        mod = 3;
        // CR1, CR5-CR7 do not exist.
        if ((attr & ATTR_CR) !== 0 && ((0b11100010 >> ((modrm >> 3) & 7)) & 1) !== 0 && !this.syntaxOnly) return this.fail(out, F_UD);
      }
      out.mod = mod;
      if (mod === 3) {
        if ((attr & ATTR_MEM_ONLY) !== 0) return this.fail(out, F_UD);
      } else {
        if ((attr & ATTR_REG_ONLY) !== 0) return this.fail(out, F_UD);
        out.hasMem = true;
        if (addrsize === 16) {
          if (mod === 0 && rm === 6) {
            const lo = this.next();
            const hi = this.next();
            if (hi < 0) return this.fail(out, this.failed);
            out.disp = lo | (hi << 8);
            out.dispSize = 2;
          } else {
            out.base = EA16_BASE[rm] ?? -1;
            out.index = EA16_INDEX[rm] ?? -1;
            if (out.base === 5) seg = SEG_SS;
            if (mod === 1) {
              const d = this.next();
              if (d < 0) return this.fail(out, this.failed);
              out.disp = (d << 24) >> 24;
              out.dispSize = 1;
            } else if (mod === 2) {
              const lo = this.next();
              const hi = this.next();
              if (hi < 0) return this.fail(out, this.failed);
              out.disp = ((lo | (hi << 8)) << 16) >> 16;
              out.dispSize = 2;
            }
          }
        } else {
          let base = rm;
          let dispSize = mod === 1 ? 1 : mod === 2 ? 4 : 0;
          if (rm === 4) {
            const sib = this.next();
            if (sib < 0) return this.fail(out, this.failed);
            out.sib = sib;
            out.scale = sib >> 6;
            const index = (sib >> 3) & 7;
            out.index = index === 4 ? -1 : index;
            base = sib & 7;
            if (base === 5 && mod === 0) {
              base = -1;
              dispSize = 4;
            }
          } else if (rm === 5 && mod === 0) {
            base = -1;
            dispSize = 4;
          }
          out.base = base;
          if (base === 4 || base === 5) seg = SEG_SS;
          if (dispSize === 1) {
            const d = this.next();
            if (d < 0) return this.fail(out, this.failed);
            out.disp = (d << 24) >> 24;
          } else if (dispSize === 4) {
            const b0 = this.next();
            const b1 = this.next();
            const b2 = this.next();
            const b3 = this.next();
            if (b3 < 0) return this.fail(out, this.failed);
            out.disp = b0 | (b1 << 8) | (b2 << 16) | (b3 << 24);
          }
          out.dispSize = dispSize;
        }
      }
    }

    // --- immediates ---
    const imm1 = ENTRY_IMM1[entry] ?? IMM_NONE;
    if (imm1 !== IMM_NONE) {
      out.immOffset = this.pos;
      const v = this.immediate(imm1, opsize, addrsize);
      if (this.failed !== 0) return this.fail(out, this.failed);
      if (imm1 === IMM_MOFFS) {
        out.hasMem = true;
        out.disp = v;
        out.dispSize = addrsize >> 3;
        out.immOffset = 0;
      } else {
        out.imm = v;
        if (imm1 === IMM_AP) {
          const lo = this.next();
          const hi = this.next();
          if (hi < 0) return this.fail(out, this.failed);
          out.imm2 = lo | (hi << 8);
        }
      }
      const imm2 = ENTRY_IMM2[entry] ?? IMM_NONE;
      if (imm2 !== IMM_NONE) {
        out.imm2 = this.immediate(imm2, opsize, addrsize);
        if (this.failed !== 0) return this.fail(out, this.failed);
      }
    }
    out.seg = out.segOverride >= 0 ? out.segOverride : seg;

    // --- LOCK rules (SDM Vol. 2 "LOCK"): lockable entry with a memory destination only ---
    // Except LOCK MOV to/from CR0, which AMD processors with AltMovCr8 (CPUID 8000_0001h:ECX[4])
    // decode as MOV CR8 in 32-bit code (AMD APM Vol. 3 "MOV CRn"); Intel raises #UD. The
    // reference host is an AMD EPYC, so it decodes here and bind.ts names CR8 (LOCK with CR2-CR4
    // stays #UD there too: measured).
    const cr8 = (attr & ATTR_CR) !== 0 && out.reg === 0;
    // And LOCK VERW m16 (0F 00 /5), which the reference host executes as VERW (measured by the
    // conformance suite; LOCK VERR and the register form stay #UD there).
    const lockVerw = out.map === 1 && out.opcode === 0x00 && out.reg === 5 && out.hasMem;
    if ((prefixes & PREFIX_LOCK) !== 0 && ((attr & ATTR_LOCK) === 0 || !out.hasMem) && !cr8 && !lockVerw && !this.syntaxOnly) {
      out.prefixes = prefixes;
      return this.fail(out, F_UD);
    }
    out.prefixes = prefixes;
    out.length = this.pos;
    return true;
  }

  private immediate(kind: number, opsize: number, addrsize: number): number {
    switch (kind) {
      case IMM_B: return this.next();
      case IMM_BS:
      case IMM_JB: return (this.next() << 24) >> 24;
      case IMM_W: return this.next() | (this.next() << 8);
      case IMM_Z:
      case IMM_AP:
        if (opsize === 16) return this.next() | (this.next() << 8);
        return (this.next() | (this.next() << 8) | (this.next() << 16) | (this.next() << 24)) >>> 0;
      case IMM_JZ:
        if (opsize === 16) return ((this.next() | (this.next() << 8)) << 16) >> 16;
        return this.next() | (this.next() << 8) | (this.next() << 16) | (this.next() << 24);
      case IMM_MOFFS:
        if (addrsize === 16) return this.next() | (this.next() << 8);
        return (this.next() | (this.next() << 8) | (this.next() << 16) | (this.next() << 24)) >>> 0;
      default: return 0;
    }
  }
}

/** Segment register names by SEG_* number (for tools). */
export const SEG_NAMES = ["es", "cs", "ss", "ds", "fs", "gs"] as const;

const shared = new Decoder();

/**
 * Convenience for tools and tests: decodes one instruction into a fresh record.
 * Hot paths keep a `Decoder` and a preallocated `DecodedInsn` instead.
 */
export function decode(bytes: Uint8Array, offset = 0, bits: 16 | 32 = 32): DecodedInsn {
  const out = new DecodedInsn();
  shared.decodeBytes(out, bytes, offset, bits);
  return out;
}

/**
 * Decoder vs iced-x86 (an independent decoder): on seeded random byte strings both must agree on
 * validity (within Strata's ISA), length and the memory operand's components.
 * `STRATA_DECODE_FULL=1` runs a much larger sample; `STRATA_DECODE_SEED=n` picks another seed.
 */
import { describe, expect, it } from "vitest";
import { OpKind, Register, type Instruction } from "iced-x86";
import { DecodeFault, DecodedInsn, Decoder, decode } from "../src/decode/index";
import { RM16_REG_OPSIZE_SEMS, type Operand } from "../src/table/operands";
import { icedDecode, inStrataIsa } from "./iced-oracle";

const FULL = process.env.STRATA_DECODE_FULL === "1";
const SEED = Number(process.env.STRATA_DECODE_SEED ?? 0x5eed);
const PREFIXES = [0x66, 0x67, 0xf2, 0xf3, 0xf0, 0x2e, 0x3e, 0x26, 0x64, 0x65, 0x36];

/** xorshift32: deterministic, seedable. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s & 0xff;
  };
}

/** Random instruction-like bytes: a few prefixes, often an escape (0F, 0F 38, 0F 3A), then noise. */
function randomBytes(next: () => number): Uint8Array {
  const b = new Uint8Array(16);
  for (let j = 0; j < 16; j++) b[j] = next();
  let p = 0;
  while (next() < 60 && p < 3) b[p++] = PREFIXES[next() % PREFIXES.length] ?? 0x66;
  if (next() < 128) {
    b[p] = 0x0f;
    if (next() < 80) b[p + 1] = next() < 128 ? 0x38 : 0x3a;
  }
  return b;
}

const GPR32 = [Register.EAX, Register.ECX, Register.EDX, Register.EBX, Register.ESP, Register.EBP, Register.ESI, Register.EDI];
const GPR16 = [Register.AX, Register.CX, Register.DX, Register.BX, Register.SP, Register.BP, Register.SI, Register.DI];

function regOf(n: number, addrsize: number): Register {
  if (n < 0) return Register.None;
  return (addrsize === 16 ? GPR16[n] : GPR32[n]) ?? Register.None;
}

const GPR_NAMES: Record<number, readonly string[]> = {
  8: ["AL", "CL", "DL", "BL", "AH", "CH", "DH", "BH"],
  16: ["AX", "CX", "DX", "BX", "SP", "BP", "SI", "DI"],
  32: ["EAX", "ECX", "EDX", "EBX", "ESP", "EBP", "ESI", "EDI"],
};
const SEGS = ["ES", "CS", "SS", "DS", "FS", "GS"];
const gprName = (n: number, bits: number): string => GPR_NAMES[bits]?.[n & 7] ?? "?";

/** Our operands as comparable tokens: R:<iced register name>, M (memory), I:<value>, J:<target>, F (far pointer). */
function ourOperands(d: DecodedInsn, ip: number): string[] {
  const os = d.opsize;
  const reg = d.mod === 3;
  let immSeen = false;
  const imm = (mask: number): string => {
    const v = immSeen ? d.imm2 : d.imm;
    immSeen = true;
    return `I:${(v & mask) >>> 0}`;
  };
  const osMask = os === 16 ? 0xffff : 0xffffffff;
  const rm16 = RM16_REG_OPSIZE_SEMS.has(d.op.sem);
  return d.op.ops.flatMap((o: Operand): string[] => {
    const t = token(o);
    return t === "-" ? [] : [t];
  });
  function token(o: Operand): string {
    switch (o) {
      case "Eb": return reg ? `R:${gprName(d.rm, 8)}` : "M";
      case "Ew": return reg ? `R:${gprName(d.rm, rm16 ? os : 16)}` : "M";
      case "Ed": case "Rd": case "RdMb": case "RdMw": return reg ? `R:${gprName(d.rm, 32)}` : "M";
      case "Ev": return reg ? `R:${gprName(d.rm, os)}` : "M";
      case "Gb": return `R:${gprName(d.reg, 8)}`;
      case "Gw": return `R:${gprName(d.reg, 16)}`;
      case "Gd": return `R:${gprName(d.reg, 32)}`;
      case "Gv": return `R:${gprName(d.reg, os)}`;
      case "Zb": return `R:${gprName(d.opcode, 8)}`;
      case "Zv": return `R:${gprName(d.opcode, os)}`;
      // BSWAP r16 is undefined (SDM); iced names the 16-bit register.
      case "Zd": return `R:${gprName(d.opcode, d.op.sem === "bswap" ? os : 32)}`;
      case "AL": return "R:AL";
      case "CL": return "R:CL";
      case "AX": return "R:AX";
      case "DX": return "R:DX";
      case "eAX": return `R:${os === 16 ? "AX" : "EAX"}`;
      case "ES": case "CS": case "SS": case "DS": case "FS": case "GS": return `R:${o}`;
      case "Sw": return `R:${SEGS[d.reg] ?? "?"}`;
      case "Cd": return `R:CR${d.reg}`;
      case "Dd": return `R:DR${d.reg}`;
      case "ST": return "R:ST0";
      case "STi": return `R:ST${d.rm}`;
      case "Pq": return `R:MM${d.reg}`;
      case "Nq": return `R:MM${d.rm}`;
      case "Qq": case "Qd": return reg ? `R:MM${d.rm}` : "M";
      case "Vx": return `R:XMM${d.reg}`;
      case "Ux": return `R:XMM${d.rm}`;
      case "Wx": case "Wq": case "Wd": case "Ww": return reg ? `R:XMM${d.rm}` : "M";
      case "XMM0": return "-"; // implicit, iced does not list it
      case "Ib": return imm(0xff);
      case "Iw": return imm(0xffff);
      case "Ibs": case "Iz": case "Iv": return imm(osMask);
      case "1": return "I:1";
      case "Jb": case "Jz": return `J:${((ip + d.length + d.imm) & osMask) >>> 0}`;
      case "Ap": return "F";
      default: return "M"; // M*, O*, X*, Y*, Xlat
    }
  }
}

/**
 * iced's operand list, reduced to what the table states: iced also lists the ModRM.reg operand of
 * the reserved NOPs (0F 0D, 0F 18–1F: "NOP r/m, r"; objdump and the table show r/m only), the
 * implicit DS:[EDI] destination of MASKMOVQ/MASKMOVDQU and the implicit st(0) of one-operand x87
 * register forms, and names the registers of ARPL, LLDT, LTR, VERR, VERW, LMSW as r32.
 */
const R32_NAMED = new Set(["arpl", "lldt", "ltr", "verr", "verw", "lmsw"]);
function icedOperands(ic: Instruction, d: DecodedInsn): string[] {
  const out: string[] = [];
  for (let k = 0; k < ic.opCount; k++) {
    const kind = ic.opKind(k);
    if (kind === OpKind.Register) out.push(`R:${Register[ic.opRegister(k)]}`);
    else if (kind === OpKind.NearBranch16 || kind === OpKind.NearBranch32) out.push(`J:${Number(ic.nearBranchTarget)}`);
    else if (kind === OpKind.FarBranch16 || kind === OpKind.FarBranch32) out.push("F");
    else if (kind >= OpKind.Immediate8 && kind <= OpKind.Immediate32to64) {
      const width = kind === OpKind.Immediate8to16 || kind === OpKind.Immediate16 ? 16 : 32;
      out.push(`I:${Number(BigInt.asUintN(width, ic.immediate(k)))}`);
    }
    else out.push("M");
  }
  if (d.op.sem === "nop" && d.map !== 0) return out.slice(0, 1);
  if (d.op.sem === "maskmovq") return out.slice(1);
  if (R32_NAMED.has(d.op.sem)) return out.map((t) => t.replace(/^R:E([A-Z]{2})$/, "R:$1"));
  // x87 one-operand register forms: iced adds the implicit st(0).
  if (d.map === 0 && d.opcode >= 0xd8 && d.opcode <= 0xdf && out.length === d.op.ops.length + 1 && out[0] === "R:ST0") return out.slice(1);
  return out;
}

const hex = (b: Uint8Array, n: number): string => Array.from(b.slice(0, n), (x) => x.toString(16).padStart(2, "0")).join(" ");

function compareRandom(bits: 16 | 32, seed: number, count: number): { compared: number; failures: string[] } {
  const next = rng(seed);
  const failures: string[] = [];
  let compared = 0;
  const out = new DecodedInsn();
  const dec = new Decoder();
  for (let i = 0; i < count; i++) {
    const b = randomBytes(next);
    const ic = icedDecode(b, bits);
    try {
      if (!ic.isInvalid && !inStrataIsa(ic)) continue; // outside i686+SSE4.2: not comparable
      compared++;
      const ok = dec.decodeBytes(out, b, 0, bits);
      const where = `${bits}-bit ${hex(b, Math.max(ic.length, out.length, 1))} (ours ${ok ? out.op.mn : "#UD"}, iced ${ic.isInvalid ? "invalid" : ic.toString()})`;
      if (ok === ic.isInvalid) {
        failures.push(`validity: ${where}`);
        continue;
      }
      if (!ok) continue;
      if (out.length !== ic.length) {
        failures.push(`length ${out.length} vs ${ic.length}: ${where}`);
        continue;
      }
      const ops = ourOperands(out, 0).join(" ");
      const icOps = icedOperands(ic, out).join(" ");
      if (ops !== icOps) {
        failures.push(`operands ${ops} vs ${icOps}: ${where}`);
        continue;
      }
      const icMem = ic.memoryBase !== Register.None || ic.memoryIndex !== Register.None || ic.memoryDisplSize > 0;
      if (out.hasMem && icMem) {
        const mask = out.addrsize === 16 ? 0xffff : 0xffffffff;
        const disp = Number(BigInt.asUintN(32, ic.memoryDisplacement)) & mask;
        if (regOf(out.base, out.addrsize) !== ic.memoryBase) failures.push(`base: ${where}`);
        else if (regOf(out.index, out.addrsize) !== ic.memoryIndex) failures.push(`index: ${where}`);
        else if (out.index >= 0 && 1 << out.scale !== ic.memoryIndexScale) failures.push(`scale: ${where}`);
        else if (((out.disp & mask) >>> 0) !== disp >>> 0) failures.push(`disp ${out.disp} vs ${disp}: ${where}`);
        else if (`${SEGS[out.seg] ?? "?"}` !== Register[ic.memorySegment]) failures.push(`segment ${SEGS[out.seg] ?? "?"} vs ${Register[ic.memorySegment]}: ${where}`);
      }
    } finally {
      ic.free();
    }
  }
  return { compared, failures };
}

describe("decoder vs iced-x86 on random bytes", () => {
  const n = FULL ? 400_000 : 6_000;
  for (const bits of [32, 16] as const) {
    it(`${bits}-bit code: validity, length, operands and effective address agree`, () => {
      const { compared, failures } = compareRandom(bits, bits === 32 ? SEED : SEED ^ 0x1616, n);
      expect(compared).toBeGreaterThan(n * 0.7);
      expect(failures.slice(0, 15)).toEqual([]);
    });
  }
});

describe("decoder edge cases (checked against iced-x86)", () => {
  it("15 bytes is the limit: 14 prefixes + NOP decodes, 15 prefixes + NOP is #GP", () => {
    for (const n of [14, 15]) {
      const b = new Uint8Array(n + 1).fill(0x66);
      b[n] = 0x90;
      const ic = icedDecode(b, 32);
      const ours = decode(b);
      expect(ours.fault === DecodeFault.None).toBe(!ic.isInvalid);
      if (n === 15) expect(ours.fault).toBe(DecodeFault.GP);
      ic.free();
    }
  });

  it("LOCK: #UD on a register destination and on a non-lockable instruction", () => {
    for (const h of ["f0 01 18", "f0 01 d8", "f0 8b 00", "f0 0f c7 08", "f0 87 00", "f0 f6 18", "f0 38 00", "f0 0f ab 00"]) {
      const b = Uint8Array.from(h.split(" ").map((x) => parseInt(x, 16)));
      const ic = icedDecode(b, 32);
      expect(decode(b).fault === DecodeFault.None, h).toBe(!ic.isInvalid);
      ic.free();
    }
  });

  it("decodes through a fetch callback across a page boundary, and reports fetch faults", () => {
    // mov eax, [ebx+ecx*4+0x12345678] with the page boundary inside the displacement.
    const bytes = Uint8Array.from([0x8b, 0x84, 0x8b, 0x78, 0x56, 0x34, 0x12]);
    const pages = [bytes.slice(0, 4), bytes.slice(4)];
    const seen: number[] = [];
    const out = new DecodedInsn();
    const ok = new Decoder().decodeFetch(out, (i) => {
      seen.push(i);
      return i < 4 ? (pages[0]?.[i] ?? -1) : (pages[1]?.[i - 4] ?? -1);
    });
    const ref = decode(bytes);
    expect(ok).toBe(true);
    expect([out.length, out.base, out.index, out.scale, out.disp]).toEqual([ref.length, ref.base, ref.index, ref.scale, ref.disp]);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const faulted = new Decoder().decodeFetch(out, (i) => (i < 4 ? (bytes[i] ?? 0) : -1));
    expect(faulted).toBe(false);
    expect(out.fault).toBe(DecodeFault.Fetch);
  });

  it("a truncated byte array is reported, not thrown", () => {
    const out = decode(Uint8Array.from([0x81, 0xc0, 0x01]));
    expect(out.fault).toBe(DecodeFault.Truncated);
  });
});

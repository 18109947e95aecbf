/**
 * Which opcode-table entries the conformance harness exercises, under which stable key, and why
 * the others are left out. The key is what reports and `--filter` match: e.g. "01 add Ev,Gv",
 * "80/0 add Eb,Ib", "0F C7/1 mem cmpxchg8b Mq", "o16 98 cbw".
 */
import type { OpDef } from "../../table/types";
import type { CpuidFunction } from "../features";
import { checkPlan } from "../unadvertised";

export function entryKey(e: OpDef): string {
  const parts: string[] = [];
  if (e.pfx && e.pfx !== "none") parts.push(e.pfx.toUpperCase());
  if (e.osz) parts.push(`o${e.osz}`);
  if (e.asz) parts.push(`a${e.asz}`);
  const map = e.map === "1b" ? "" : e.map === "0f" ? "0F " : e.map === "0f38" ? "0F 38 " : "0F 3A ";
  let opc = map + hex2(e.opc);
  if (e.reg !== undefined) opc += `/${e.reg}`;
  if (e.rm !== undefined) opc += `.${e.rm}`;
  parts.push(opc);
  if (e.mod) parts.push(e.mod);
  parts.push(e.ops.length ? `${e.mn} ${e.ops.join(",")}` : e.mn);
  return parts.join(" ");
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, "0");
}

/**
 * Entries the harness does not run, each with the reason. Everything else in the table is run:
 * privileged and I/O instructions too (at CPL 3 / IOPL 0 they must raise #GP(0) like the host).
 */
export function exclusionReason(e: OpDef): string | undefined {
  if (e.mn === "xgetbv") return "reports the host's XCR0: not reproducible";
  switch (e.sem) {
    case "cpuid":
    case "rdtsc":
    case "rdtscp":
    case "rdrand":
    case "rdseed":
      return "reports host identity or time: not reproducible";
    case "sysenter":
    case "syscall":
      return "enters the host kernel";
    case "int1":
      return "ICEBP: this host (a VM) reports its #DB with EIP at the instruction, not after it as the SDM defines";
    case "sgdt":
    case "sidt":
    case "sldt":
    case "str":
    case "smsw":
      return "UMIP: at CPL 3 Linux emulates it with dummy values, not an architectural result";
    default:
      break;
  }
  return undefined;
}

/** The x87 escapes D8-DF (whatever their `ext`: FCMOVcc/FCOMI are "p6", FISTTP "sse3"). */
export function isX87(e: OpDef): boolean {
  return e.map === "1b" && e.opc >= 0xd8 && e.opc <= 0xdf;
}

/** MMX and SSE entries: the case carries an FXSAVE image and XMM/MMX state is compared. */
export function isSimd(e: OpDef): boolean {
  if (isX87(e) || e.sem === "pause" || e.sem === "popcnt") return false;
  return e.ext === "mmx" || e.ext.startsWith("sse") || e.ext === "ssse3";
}

export interface SelectedEntry {
  readonly key: string;
  readonly def: OpDef;
}

export interface Selection {
  readonly run: SelectedEntry[];
  readonly excluded: { key: string; reason: string }[];
}

/**
 * The entries to run: not excluded, and matching `filter` (a mnemonic such as "add", or a regular
 * expression tested against the key) when one is given. An entry whose CPUID feature the engine
 * (`cpuid`, default the package's processor) does not advertise is #UD-checked on the engine
 * alone, so the reasons above (which are about the host) do not exclude it.
 */
export function selectEntries(table: readonly OpDef[], filter?: string, cpuid?: CpuidFunction): Selection {
  const run: SelectedEntry[] = [];
  const excluded: { key: string; reason: string }[] = [];
  const seen = new Set<string>();
  let match: (key: string, e: OpDef) => boolean = () => true;
  if (filter) {
    if (/^[a-z0-9]+$/.test(filter)) {
      match = (_k, e) => e.mn === filter;
    } else {
      const re = new RegExp(filter, "i");
      match = (k) => re.test(k);
    }
  }
  for (const def of table) {
    const key = entryKey(def);
    if (seen.has(key)) throw new Error(`two opcode-table entries share the conformance key "${key}"`);
    seen.add(key);
    if (!match(key, def)) continue;
    const reason = checkPlan(def, cpuid).kind === "ud" ? undefined : exclusionReason(def);
    if (reason) excluded.push({ key, reason });
    else run.push({ key, def });
  }
  return { run, excluded };
}

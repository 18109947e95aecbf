/**
 * Quick seeded subset of isa's differential conformance run (@strata/isa/testing) with the
 * translator as the engine under test and the host CPU as the reference: the integer forms the
 * translator emits inline (MOV, LEA, ALU, shifts, Jcc, byte loads/stores, MOVZX/MOVSX) plus the
 * common ones it calls (PUSH/POP/CALL/RET, INC/DEC, IMUL, NEG/NOT, ADC/SBB). Far CALL/JMP (Ap, Mp)
 * are left out: the interpreter itself does not pass them yet. The full run is
 * `pnpm --filter @strata/dbt conformance -- --seed S --cases N`.
 */
import { OPCODES } from "@strata/isa";
import { nativeEngine, runConformance } from "@strata/isa/testing";
import { describe, expect, it } from "vitest";
import { dbtCaseEngine } from "../src/node";

const INTEGER = "^[0-9A-F /.]+ (reg |mem )?(add|sub|cmp|and|or|xor|test|mov|movzx|movsx|lea|inc|dec|shl|shr|sar|j[a-z]+|push|pop|call|ret|imul|neg|not|adc|sbb) [^AM]*$";

describe("conformance against the host CPU (quick subset)", () => {
  it("translated integer instructions give the host CPU's results", () => {
    const failures: string[] = [];
    const report = runConformance({
      table: OPCODES,
      seed: 7,
      casesPerEntry: 12,
      filter: INTEGER,
      reference: nativeEngine(),
      engine: dbtCaseEngine(),
      onEntry: (e) => {
        if (e.failed > 0) failures.push(`${e.key}: ${e.failed}/${e.cases}`);
      },
    });
    expect(report.entries.length).toBeGreaterThan(100);
    expect(failures).toEqual([]);
    expect(report.failed).toBe(0);
  });
});

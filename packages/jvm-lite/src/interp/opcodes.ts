/**
 * The JVM instruction set as data (JVMS §6.5, Chapter 7 "Opcode Mnemonics by Opcode"):
 * mnemonic, length in bytes (0 = variable: tableswitch, lookupswitch, wide), and for fixed
 * stack behaviour the slots popped and pushed. `null` effects depend on the constant pool
 * (field/method descriptors) or are handled specially by the analyses that read this table.
 */
export interface OpInfo {
  readonly name: string;
  readonly length: number;
  readonly pop: number | null;
  readonly push: number | null;
}

const T: [string, number, number | null, number | null][] = [
  ["nop", 1, 0, 0], ["aconst_null", 1, 0, 1], ["iconst_m1", 1, 0, 1], ["iconst_0", 1, 0, 1], ["iconst_1", 1, 0, 1],
  ["iconst_2", 1, 0, 1], ["iconst_3", 1, 0, 1], ["iconst_4", 1, 0, 1], ["iconst_5", 1, 0, 1], ["lconst_0", 1, 0, 2],
  ["lconst_1", 1, 0, 2], ["fconst_0", 1, 0, 1], ["fconst_1", 1, 0, 1], ["fconst_2", 1, 0, 1], ["dconst_0", 1, 0, 2],
  ["dconst_1", 1, 0, 2], ["bipush", 2, 0, 1], ["sipush", 3, 0, 1], ["ldc", 2, 0, 1], ["ldc_w", 3, 0, 1],
  ["ldc2_w", 3, 0, 2], ["iload", 2, 0, 1], ["lload", 2, 0, 2], ["fload", 2, 0, 1], ["dload", 2, 0, 2],
  ["aload", 2, 0, 1], ["iload_0", 1, 0, 1], ["iload_1", 1, 0, 1], ["iload_2", 1, 0, 1], ["iload_3", 1, 0, 1],
  ["lload_0", 1, 0, 2], ["lload_1", 1, 0, 2], ["lload_2", 1, 0, 2], ["lload_3", 1, 0, 2], ["fload_0", 1, 0, 1],
  ["fload_1", 1, 0, 1], ["fload_2", 1, 0, 1], ["fload_3", 1, 0, 1], ["dload_0", 1, 0, 2], ["dload_1", 1, 0, 2],
  ["dload_2", 1, 0, 2], ["dload_3", 1, 0, 2], ["aload_0", 1, 0, 1], ["aload_1", 1, 0, 1], ["aload_2", 1, 0, 1],
  ["aload_3", 1, 0, 1], ["iaload", 1, 2, 1], ["laload", 1, 2, 2], ["faload", 1, 2, 1], ["daload", 1, 2, 2],
  ["aaload", 1, 2, 1], ["baload", 1, 2, 1], ["caload", 1, 2, 1], ["saload", 1, 2, 1], ["istore", 2, 1, 0],
  ["lstore", 2, 2, 0], ["fstore", 2, 1, 0], ["dstore", 2, 2, 0], ["astore", 2, 1, 0], ["istore_0", 1, 1, 0],
  ["istore_1", 1, 1, 0], ["istore_2", 1, 1, 0], ["istore_3", 1, 1, 0], ["lstore_0", 1, 2, 0], ["lstore_1", 1, 2, 0],
  ["lstore_2", 1, 2, 0], ["lstore_3", 1, 2, 0], ["fstore_0", 1, 1, 0], ["fstore_1", 1, 1, 0], ["fstore_2", 1, 1, 0],
  ["fstore_3", 1, 1, 0], ["dstore_0", 1, 2, 0], ["dstore_1", 1, 2, 0], ["dstore_2", 1, 2, 0], ["dstore_3", 1, 2, 0],
  ["astore_0", 1, 1, 0], ["astore_1", 1, 1, 0], ["astore_2", 1, 1, 0], ["astore_3", 1, 1, 0], ["iastore", 1, 3, 0],
  ["lastore", 1, 4, 0], ["fastore", 1, 3, 0], ["dastore", 1, 4, 0], ["aastore", 1, 3, 0], ["bastore", 1, 3, 0],
  ["castore", 1, 3, 0], ["sastore", 1, 3, 0], ["pop", 1, 1, 0], ["pop2", 1, 2, 0], ["dup", 1, null, null],
  ["dup_x1", 1, null, null], ["dup_x2", 1, null, null], ["dup2", 1, null, null], ["dup2_x1", 1, null, null], ["dup2_x2", 1, null, null],
  ["swap", 1, null, null], ["iadd", 1, 2, 1], ["ladd", 1, 4, 2], ["fadd", 1, 2, 1], ["dadd", 1, 4, 2],
  ["isub", 1, 2, 1], ["lsub", 1, 4, 2], ["fsub", 1, 2, 1], ["dsub", 1, 4, 2], ["imul", 1, 2, 1],
  ["lmul", 1, 4, 2], ["fmul", 1, 2, 1], ["dmul", 1, 4, 2], ["idiv", 1, 2, 1], ["ldiv", 1, 4, 2],
  ["fdiv", 1, 2, 1], ["ddiv", 1, 4, 2], ["irem", 1, 2, 1], ["lrem", 1, 4, 2], ["frem", 1, 2, 1],
  ["drem", 1, 4, 2], ["ineg", 1, 1, 1], ["lneg", 1, 2, 2], ["fneg", 1, 1, 1], ["dneg", 1, 2, 2],
  ["ishl", 1, 2, 1], ["lshl", 1, 3, 2], ["ishr", 1, 2, 1], ["lshr", 1, 3, 2], ["iushr", 1, 2, 1],
  ["lushr", 1, 3, 2], ["iand", 1, 2, 1], ["land", 1, 4, 2], ["ior", 1, 2, 1], ["lor", 1, 4, 2],
  ["ixor", 1, 2, 1], ["lxor", 1, 4, 2], ["iinc", 3, 0, 0], ["i2l", 1, 1, 2], ["i2f", 1, 1, 1],
  ["i2d", 1, 1, 2], ["l2i", 1, 2, 1], ["l2f", 1, 2, 1], ["l2d", 1, 2, 2], ["f2i", 1, 1, 1],
  ["f2l", 1, 1, 2], ["f2d", 1, 1, 2], ["d2i", 1, 2, 1], ["d2l", 1, 2, 2], ["d2f", 1, 2, 1],
  ["i2b", 1, 1, 1], ["i2c", 1, 1, 1], ["i2s", 1, 1, 1], ["lcmp", 1, 4, 1], ["fcmpl", 1, 2, 1],
  ["fcmpg", 1, 2, 1], ["dcmpl", 1, 4, 1], ["dcmpg", 1, 4, 1], ["ifeq", 3, 1, 0], ["ifne", 3, 1, 0],
  ["iflt", 3, 1, 0], ["ifge", 3, 1, 0], ["ifgt", 3, 1, 0], ["ifle", 3, 1, 0], ["if_icmpeq", 3, 2, 0],
  ["if_icmpne", 3, 2, 0], ["if_icmplt", 3, 2, 0], ["if_icmpge", 3, 2, 0], ["if_icmpgt", 3, 2, 0], ["if_icmple", 3, 2, 0],
  ["if_acmpeq", 3, 2, 0], ["if_acmpne", 3, 2, 0], ["goto", 3, 0, 0], ["jsr", 3, 0, 1], ["ret", 2, 0, 0],
  ["tableswitch", 0, 1, 0], ["lookupswitch", 0, 1, 0], ["ireturn", 1, 1, 0], ["lreturn", 1, 2, 0], ["freturn", 1, 1, 0],
  ["dreturn", 1, 2, 0], ["areturn", 1, 1, 0], ["return", 1, 0, 0], ["getstatic", 3, null, null], ["putstatic", 3, null, null],
  ["getfield", 3, null, null], ["putfield", 3, null, null], ["invokevirtual", 3, null, null], ["invokespecial", 3, null, null], ["invokestatic", 3, null, null],
  ["invokeinterface", 5, null, null], ["invokedynamic", 5, null, null], ["new", 3, 0, 1], ["newarray", 2, 1, 1], ["anewarray", 3, 1, 1],
  ["arraylength", 1, 1, 1], ["athrow", 1, 1, 0], ["checkcast", 3, 1, 1], ["instanceof", 3, 1, 1], ["monitorenter", 1, 1, 0],
  ["monitorexit", 1, 1, 0], ["wide", 0, null, null], ["multianewarray", 4, null, 1], ["ifnull", 3, 1, 0], ["ifnonnull", 3, 1, 0],
  ["goto_w", 5, 0, 0], ["jsr_w", 5, 0, 1],
];

export const OPCODES: readonly OpInfo[] = T.map(([name, length, pop, push]) => ({ name, length, pop, push }));

/** Length in bytes of the instruction at `pc` (JVMS §4.7.3 / §6.5), or -1 if malformed. */
export function instructionLength(code: Uint8Array, pc: number): number {
  const op = code[pc]!;
  const info = OPCODES[op];
  if (!info) return -1;
  if (info.length > 0) return info.length;
  if (op === 0xc4) return code[pc + 1] === 0x84 ? 6 : 4;
  const p = (pc + 4) & ~3;
  const rd = (i: number): number => (code[i]! << 24) | (code[i + 1]! << 16) | (code[i + 2]! << 8) | code[i + 3]!;
  if (p + 12 > code.length) return -1;
  if (op === 0xaa) {
    const lo = rd(p + 4);
    const hi = rd(p + 8);
    if (hi < lo) return -1;
    return p + 12 + (hi - lo + 1) * 4 - pc;
  }
  const n = rd(p + 4);
  if (n < 0) return -1;
  return p + 8 + n * 8 - pc;
}

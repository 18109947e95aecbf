import { ConstantPool } from "./constant-pool";
import { ClassFileError, formatError } from "./errors";
import { ByteReader } from "./reader";

/** One entry of a Code attribute's exception_table (JVMS §4.7.3). */
export interface ExceptionHandler {
  readonly startPc: number;
  readonly endPc: number;
  readonly handlerPc: number;
  /** Constant pool index of the catch type; 0 catches everything (finally). */
  readonly catchType: number;
}

export interface LocalVariable {
  readonly startPc: number;
  readonly length: number;
  readonly name: string;
  readonly descriptor: string;
  readonly index: number;
}

/** The Code attribute (JVMS §4.7.3) with the sub-attributes the VM uses. */
export interface CodeAttribute {
  readonly maxStack: number;
  readonly maxLocals: number;
  readonly code: Uint8Array;
  readonly handlers: readonly ExceptionHandler[];
  /** LineNumberTable flattened: [startPc, line, startPc, line, ...] (JVMS §4.7.12). */
  readonly lineNumbers: readonly number[];
  /** Raw StackMapTable body (JVMS §4.7.4); decoded by the verifier. */
  readonly stackMapTable?: Uint8Array;
  readonly localVariables: readonly LocalVariable[];
}

export interface MemberInfo {
  readonly access: number;
  readonly name: string;
  readonly descriptor: string;
  readonly signature?: string;
  readonly code?: CodeAttribute;
  /** ConstantValue attribute (fields only): a constant pool index. */
  readonly constantValue?: number;
  /** Exceptions attribute (methods only): class names. */
  readonly exceptions?: readonly string[];
}

export interface BootstrapMethod {
  readonly methodRef: number;
  readonly args: readonly number[];
}

export interface InnerClassEntry {
  readonly inner: string;
  readonly outer: string | null;
  readonly simpleName: string | null;
  readonly access: number;
}

export interface RecordComponent {
  readonly name: string;
  readonly descriptor: string;
}

/** A parsed class file (JVMS §4.1). */
export interface ClassFile {
  readonly minor: number;
  readonly major: number;
  readonly cp: ConstantPool;
  readonly access: number;
  readonly thisClass: string;
  readonly superClass: string | null;
  readonly interfaces: readonly string[];
  readonly fields: readonly MemberInfo[];
  readonly methods: readonly MemberInfo[];
  readonly sourceFile?: string;
  readonly signature?: string;
  readonly bootstrapMethods: readonly BootstrapMethod[];
  readonly innerClasses: readonly InnerClassEntry[];
  readonly nestHost?: string;
  readonly nestMembers?: readonly string[];
  readonly permittedSubclasses?: readonly string[];
  readonly record?: readonly RecordComponent[];
  readonly enclosingMethod?: { readonly className: string; readonly method: [string, string] | null };
}

/** Highest class-file major version we accept: Java SE 17 (JVMS §4.1). */
export const MAX_MAJOR_VERSION = 61;

/**
 * Parses a class file. Malformed input raises a ClassFileError whose javaClass is
 * ClassFormatError or UnsupportedClassVersionError, with the offset of the problem.
 */
export function parseClassFile(bytes: Uint8Array, what = "<unknown>"): ClassFile {
  const r = new ByteReader(bytes, what);
  const magic = r.u4();
  if (magic !== 0xcafebabe) throw formatError(`Incompatible magic value ${magic} in class file ${what}`, 0);
  const minor = r.u2();
  const major = r.u2();
  if (major < 45 || major > MAX_MAJOR_VERSION || (major >= 56 && minor !== 0 && minor !== 0xffff)) {
    throw new ClassFileError(
      "java/lang/UnsupportedClassVersionError",
      `${what} has been compiled by a more recent version of the Java Runtime (class file version ${major}.${minor}), this version of the Java Runtime only recognizes class file versions up to ${MAX_MAJOR_VERSION}.0`,
      4,
    );
  }
  const cp = ConstantPool.parse(r);
  const access = r.u2();
  const thisClass = cp.className(r.u2());
  const superIdx = r.u2();
  const superClass = superIdx === 0 ? null : cp.className(superIdx);
  if (superClass === null && thisClass !== "java/lang/Object") {
    throw formatError(`Invalid superclass index 0 in class file ${thisClass}`, r.pos - 2);
  }
  const nIf = r.u2();
  const interfaces: string[] = [];
  for (let i = 0; i < nIf; i++) interfaces.push(cp.className(r.u2()));
  const fields = readMembers(r, cp, false);
  const methods = readMembers(r, cp, true);
  const cf: {
    -readonly [K in keyof ClassFile]: ClassFile[K];
  } = { minor, major, cp, access, thisClass, superClass, interfaces, fields, methods, bootstrapMethods: [], innerClasses: [] };
  const nAttr = r.u2();
  for (let i = 0; i < nAttr; i++) {
    const name = cp.utf8(r.u2());
    const len = r.u4();
    const body = new ByteReader(r.slice(len), what);
    const bodyStart = r.pos - len;
    switch (name) {
      case "SourceFile":
        cf.sourceFile = cp.utf8(body.u2());
        break;
      case "Signature":
        cf.signature = cp.utf8(body.u2());
        break;
      case "BootstrapMethods": {
        const n = body.u2();
        const bsms: BootstrapMethod[] = [];
        for (let j = 0; j < n; j++) {
          const methodRef = body.u2();
          cp.methodHandle(methodRef);
          const na = body.u2();
          const args: number[] = [];
          for (let k = 0; k < na; k++) args.push(body.u2());
          bsms.push({ methodRef, args });
        }
        cf.bootstrapMethods = bsms;
        break;
      }
      case "InnerClasses": {
        const n = body.u2();
        const list: InnerClassEntry[] = [];
        for (let j = 0; j < n; j++) {
          const inner = cp.className(body.u2());
          const o = body.u2();
          const s = body.u2();
          list.push({ inner, outer: o ? cp.className(o) : null, simpleName: s ? cp.utf8(s) : null, access: body.u2() });
        }
        cf.innerClasses = list;
        break;
      }
      case "NestHost":
        cf.nestHost = cp.className(body.u2());
        break;
      case "NestMembers":
      case "PermittedSubclasses": {
        const n = body.u2();
        const list: string[] = [];
        for (let j = 0; j < n; j++) list.push(cp.className(body.u2()));
        if (name === "NestMembers") cf.nestMembers = list;
        else cf.permittedSubclasses = list;
        break;
      }
      case "Record": {
        const n = body.u2();
        const list: RecordComponent[] = [];
        for (let j = 0; j < n; j++) {
          const cname = cp.utf8(body.u2());
          const desc = cp.utf8(body.u2());
          const na = body.u2();
          for (let k = 0; k < na; k++) {
            body.u2();
            body.slice(body.u4());
          }
          list.push({ name: cname, descriptor: desc });
        }
        cf.record = list;
        break;
      }
      case "EnclosingMethod": {
        const c = cp.className(body.u2());
        const m = body.u2();
        cf.enclosingMethod = { className: c, method: m ? cp.nameAndType(m) : null };
        break;
      }
      default:
        break; // Deprecated, RuntimeVisibleAnnotations, SourceDebugExtension, Module...: ignored
    }
    if (body.pos !== len && name !== "SourceDebugExtension" && isCheckedAttribute(name)) {
      throw formatError(`Wrong ${name} attribute length ${len} in class file ${what}`, bodyStart);
    }
  }
  if (r.pos !== bytes.length) throw formatError(`Extra bytes at the end of class file ${what}`, r.pos);
  return cf;
}

function isCheckedAttribute(name: string): boolean {
  return name === "SourceFile" || name === "BootstrapMethods" || name === "InnerClasses" || name === "NestHost" || name === "NestMembers" || name === "PermittedSubclasses" || name === "Record";
}

function readMembers(r: ByteReader, cp: ConstantPool, methods: boolean): MemberInfo[] {
  const n = r.u2();
  const out: MemberInfo[] = [];
  for (let i = 0; i < n; i++) {
    const access = r.u2();
    const name = cp.utf8(r.u2());
    const descriptor = cp.utf8(r.u2());
    const m: { -readonly [K in keyof MemberInfo]: MemberInfo[K] } = { access, name, descriptor };
    const nAttr = r.u2();
    for (let j = 0; j < nAttr; j++) {
      const aname = cp.utf8(r.u2());
      const len = r.u4();
      const start = r.pos;
      const body = new ByteReader(r.slice(len), r.what);
      if (aname === "Code" && methods) {
        m.code = readCode(body, cp, start);
        if (body.pos !== len) throw formatError(`Wrong Code attribute length ${len} in method ${name}${descriptor}`, start);
      } else if (aname === "ConstantValue" && !methods) m.constantValue = body.u2();
      else if (aname === "Signature") m.signature = cp.utf8(body.u2());
      else if (aname === "Exceptions" && methods) {
        const ne = body.u2();
        const ex: string[] = [];
        for (let k = 0; k < ne; k++) ex.push(cp.className(body.u2()));
        m.exceptions = ex;
      }
    }
    out.push(m);
  }
  return out;
}

function readCode(r: ByteReader, cp: ConstantPool, base: number): CodeAttribute {
  const maxStack = r.u2();
  const maxLocals = r.u2();
  const codeLength = r.u4();
  if (codeLength === 0 || codeLength >= 65536) throw formatError(`Invalid method Code length ${codeLength}`, base + 4);
  const code = r.slice(codeLength);
  const nh = r.u2();
  const handlers: ExceptionHandler[] = [];
  for (let i = 0; i < nh; i++) {
    const h = { startPc: r.u2(), endPc: r.u2(), handlerPc: r.u2(), catchType: r.u2() };
    if (h.startPc >= codeLength || h.endPc > codeLength || h.startPc >= h.endPc || h.handlerPc >= codeLength) {
      throw formatError(`Illegal exception table range in class file`, base);
    }
    if (h.catchType !== 0) cp.className(h.catchType);
    handlers.push(h);
  }
  const lineNumbers: number[] = [];
  const localVariables: LocalVariable[] = [];
  let stackMapTable: Uint8Array | undefined;
  const nAttr = r.u2();
  for (let i = 0; i < nAttr; i++) {
    const aname = cp.utf8(r.u2());
    const len = r.u4();
    const body = new ByteReader(r.slice(len), r.what);
    if (aname === "LineNumberTable") {
      const n = body.u2();
      for (let j = 0; j < n; j++) lineNumbers.push(body.u2(), body.u2());
    } else if (aname === "StackMapTable") {
      stackMapTable = body.bytes;
    } else if (aname === "LocalVariableTable") {
      const n = body.u2();
      for (let j = 0; j < n; j++) {
        localVariables.push({ startPc: body.u2(), length: body.u2(), name: cp.utf8(body.u2()), descriptor: cp.utf8(body.u2()), index: body.u2() });
      }
    }
  }
  return { maxStack, maxLocals, code, handlers, lineNumbers, stackMapTable, localVariables };
}

import { formatError } from "./errors";
import { type ByteReader, decodeModifiedUtf8 } from "./reader";

/** Constant pool tags, JVMS §4.4 Table 4.4-B. */
export const CONSTANT_Utf8 = 1;
export const CONSTANT_Integer = 3;
export const CONSTANT_Float = 4;
export const CONSTANT_Long = 5;
export const CONSTANT_Double = 6;
export const CONSTANT_Class = 7;
export const CONSTANT_String = 8;
export const CONSTANT_Fieldref = 9;
export const CONSTANT_Methodref = 10;
export const CONSTANT_InterfaceMethodref = 11;
export const CONSTANT_NameAndType = 12;
export const CONSTANT_MethodHandle = 15;
export const CONSTANT_MethodType = 16;
export const CONSTANT_Dynamic = 17;
export const CONSTANT_InvokeDynamic = 18;
export const CONSTANT_Module = 19;
export const CONSTANT_Package = 20;

/** Method handle kinds, JVMS §5.4.3.5 Table 5.4.3.5-A. */
export const REF_getField = 1;
export const REF_getStatic = 2;
export const REF_putField = 3;
export const REF_putStatic = 4;
export const REF_invokeVirtual = 5;
export const REF_invokeStatic = 6;
export const REF_invokeSpecial = 7;
export const REF_newInvokeSpecial = 8;
export const REF_invokeInterface = 9;

/** A symbolic reference to a field or method (Fieldref, Methodref, InterfaceMethodref). */
export interface MemberRef {
  readonly className: string;
  readonly name: string;
  readonly descriptor: string;
}
export interface MethodHandleRef {
  readonly kind: number;
  readonly ref: MemberRef;
  readonly refTag: number;
}
export interface DynamicRef {
  readonly bsmIndex: number;
  readonly name: string;
  readonly descriptor: string;
}

/**
 * A parsed constant pool. Raw index fields are checked during parsing (JVMS §4.4 format
 * checks); symbolic references are then available in decoded form.
 */
export class ConstantPool {
  readonly tags: Uint8Array;
  /** Per index: string (Utf8), number (Integer/Float/Double), bigint (Long), or index tuple. */
  readonly raw: unknown[];
  private readonly decoded: unknown[];

  constructor(readonly count: number) {
    this.tags = new Uint8Array(count);
    this.raw = new Array<unknown>(count).fill(undefined);
    this.decoded = new Array<unknown>(count).fill(undefined);
  }

  static parse(r: ByteReader): ConstantPool {
    const count = r.u2();
    if (count === 0) throw formatError(`Illegal constant pool size 0 in class file ${r.what}`, r.pos - 2);
    const cp = new ConstantPool(count);
    for (let i = 1; i < count; i++) {
      const at = r.pos;
      const tag = r.u1();
      cp.tags[i] = tag;
      switch (tag) {
        case CONSTANT_Utf8: {
          const len = r.u2();
          const start = r.pos;
          cp.raw[i] = decodeModifiedUtf8(r.slice(len), start);
          break;
        }
        case CONSTANT_Integer:
          cp.raw[i] = r.s4();
          break;
        case CONSTANT_Float: {
          const bits = r.u4();
          const dv = new DataView(new ArrayBuffer(4));
          dv.setUint32(0, bits);
          cp.raw[i] = dv.getFloat32(0);
          break;
        }
        case CONSTANT_Long:
        case CONSTANT_Double: {
          const hi = r.u4();
          const lo = r.u4();
          if (tag === CONSTANT_Long) cp.raw[i] = BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
          else {
            const dv = new DataView(new ArrayBuffer(8));
            dv.setUint32(0, hi);
            dv.setUint32(4, lo);
            cp.raw[i] = dv.getFloat64(0);
          }
          i++; // 8-byte constants take two entries (JVMS §4.4.5)
          if (i >= count) throw formatError(`Invalid constant pool entry ${i - 1}: 8-byte constant at the end of the pool`, at);
          break;
        }
        case CONSTANT_Class:
        case CONSTANT_String:
        case CONSTANT_MethodType:
        case CONSTANT_Module:
        case CONSTANT_Package:
          cp.raw[i] = [r.u2()];
          break;
        case CONSTANT_Fieldref:
        case CONSTANT_Methodref:
        case CONSTANT_InterfaceMethodref:
        case CONSTANT_NameAndType:
        case CONSTANT_Dynamic:
        case CONSTANT_InvokeDynamic:
          cp.raw[i] = [r.u2(), r.u2()];
          break;
        case CONSTANT_MethodHandle:
          cp.raw[i] = [r.u1(), r.u2()];
          break;
        default:
          throw formatError(`Unknown constant tag ${tag} in class file ${r.what} (constant pool entry ${i}, offset ${at})`, at);
      }
    }
    cp.check(r.what);
    return cp;
  }

  /** JVMS §4.4 cross-entry checks: every index points at an entry of the right tag. */
  private check(what: string): void {
    const want = (i: number, idx: number, tag: number, field: string): void => {
      if (idx <= 0 || idx >= this.count || this.tags[idx] !== tag) {
        throw formatError(`Invalid constant pool index ${idx} in ${field} of constant pool entry ${i} in class file ${what}`);
      }
    };
    for (let i = 1; i < this.count; i++) {
      const t = this.tags[i]!;
      const v = this.raw[i] as number[];
      switch (t) {
        case CONSTANT_Class:
        case CONSTANT_String:
        case CONSTANT_MethodType:
        case CONSTANT_Module:
        case CONSTANT_Package:
          want(i, v[0]!, CONSTANT_Utf8, "name_index");
          break;
        case CONSTANT_Fieldref:
        case CONSTANT_Methodref:
        case CONSTANT_InterfaceMethodref:
          want(i, v[0]!, CONSTANT_Class, "class_index");
          want(i, v[1]!, CONSTANT_NameAndType, "name_and_type_index");
          break;
        case CONSTANT_NameAndType:
          want(i, v[0]!, CONSTANT_Utf8, "name_index");
          want(i, v[1]!, CONSTANT_Utf8, "descriptor_index");
          break;
        case CONSTANT_Dynamic:
        case CONSTANT_InvokeDynamic:
          want(i, v[1]!, CONSTANT_NameAndType, "name_and_type_index");
          break;
        case CONSTANT_MethodHandle: {
          const kind = v[0]!;
          if (kind < 1 || kind > 9) throw formatError(`Bad method handle kind ${kind} at constant pool index ${i} in class file ${what}`);
          const rt = this.tags[v[1]!];
          const ok = kind <= 4 ? rt === CONSTANT_Fieldref : rt === CONSTANT_Methodref || rt === CONSTANT_InterfaceMethodref;
          if (v[1]! <= 0 || v[1]! >= this.count || !ok) {
            throw formatError(`Invalid constant pool index ${v[1]} in reference_index of constant pool entry ${i} in class file ${what}`);
          }
          break;
        }
        default:
          break;
      }
    }
  }

  private bad(i: number, what: string): never {
    throw formatError(`Invalid constant pool index ${i}: expected ${what}`);
  }

  utf8(i: number): string {
    if (this.tags[i] !== CONSTANT_Utf8) this.bad(i, "CONSTANT_Utf8");
    return this.raw[i] as string;
  }
  className(i: number): string {
    if (this.tags[i] !== CONSTANT_Class) this.bad(i, "CONSTANT_Class");
    return this.utf8((this.raw[i] as number[])[0]!);
  }
  string(i: number): string {
    if (this.tags[i] !== CONSTANT_String) this.bad(i, "CONSTANT_String");
    return this.utf8((this.raw[i] as number[])[0]!);
  }
  nameAndType(i: number): [string, string] {
    if (this.tags[i] !== CONSTANT_NameAndType) this.bad(i, "CONSTANT_NameAndType");
    const v = this.raw[i] as number[];
    return [this.utf8(v[0]!), this.utf8(v[1]!)];
  }
  memberRef(i: number): MemberRef {
    const t = this.tags[i];
    if (t !== CONSTANT_Fieldref && t !== CONSTANT_Methodref && t !== CONSTANT_InterfaceMethodref) this.bad(i, "member reference");
    let d = this.decoded[i] as MemberRef | undefined;
    if (!d) {
      const v = this.raw[i] as number[];
      const [name, descriptor] = this.nameAndType(v[1]!);
      d = { className: this.className(v[0]!), name, descriptor };
      this.decoded[i] = d;
    }
    return d;
  }
  methodHandle(i: number): MethodHandleRef {
    if (this.tags[i] !== CONSTANT_MethodHandle) this.bad(i, "CONSTANT_MethodHandle");
    const v = this.raw[i] as number[];
    return { kind: v[0]!, ref: this.memberRef(v[1]!), refTag: this.tags[v[1]!]! };
  }
  methodType(i: number): string {
    if (this.tags[i] !== CONSTANT_MethodType) this.bad(i, "CONSTANT_MethodType");
    return this.utf8((this.raw[i] as number[])[0]!);
  }
  dynamic(i: number): DynamicRef {
    const t = this.tags[i];
    if (t !== CONSTANT_InvokeDynamic && t !== CONSTANT_Dynamic) this.bad(i, "CONSTANT_InvokeDynamic");
    const v = this.raw[i] as number[];
    const [name, descriptor] = this.nameAndType(v[1]!);
    return { bsmIndex: v[0]!, name, descriptor };
  }
}

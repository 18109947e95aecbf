/**
 * Malformed class files become Java exceptions (ClassFormatError, UnsupportedClassVersionError,
 * NoClassDefFoundError), never host exceptions: every truncation of a real javac class file,
 * corrupted magic/version/constant-pool indices; plus the messages java prints for them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MapClassPath, parseClassFile, ClassFileError, Jvm, JarFile, LinkageFailure } from "../src/index";
import { classlibBytes } from "../src/node";
import { compile, runLite, runReference, tempDir } from "./harness";

let dir = "";
let bytes: Uint8Array;

beforeAll(() => {
  const srcDir = tempDir();
  const src = join(srcDir, "Victim.java");
  writeFileSync(
    src,
    `public class Victim implements Runnable {
       static int counter; private final String name = "v";
       public void run() { for (int i = 0; i < 3; i++) counter += i * name.length(); }
       public static void main(String[] a) { new Victim().run(); System.out.println(counter + " " + a.length); }
     }`,
  );
  const user = join(srcDir, "User.java");
  writeFileSync(
    user,
    `public class User { public static void main(String[] a) {
       try { new Victim().run(); System.out.println("loaded"); }
       catch (LinkageError e) { System.out.println(e.getClass().getName() + ": " + e.getMessage()); } } }`,
  );
  dir = compile([src, user]);
  bytes = new Uint8Array(readFileSync(join(dir, "Victim.class")));
});

let classlibJar: JarFile | null = null;
function vmWith(victim: Uint8Array): Jvm {
  classlibJar ??= new JarFile("classlib.jar", classlibBytes());
  return new Jvm({
    classPath: [classlibJar, new MapClassPath("test", new Map([["Victim.class", victim]]))],
    stdout: () => {},
    stderr: () => {},
  });
}

function loadError(victim: Uint8Array): LinkageFailure {
  try {
    vmWith(victim).loadClass("Victim");
  } catch (e) {
    if (e instanceof LinkageFailure) return e;
    throw e;
  }
  throw new Error("loaded a malformed class");
}

describe("class-file parser", () => {
  it("parses javac 17 output with its attributes", () => {
    const cf = parseClassFile(bytes, "Victim");
    expect(cf.major).toBe(61);
    expect(cf.thisClass).toBe("Victim");
    expect(cf.interfaces).toEqual(["java/lang/Runnable"]);
    expect(cf.sourceFile).toBe("Victim.java");
    expect(cf.methods.find((m) => m.name === "run")?.code?.stackMapTable).toBeDefined();
  });

  it("every truncation raises ClassFormatError with an offset, never a host exception", () => {
    for (let n = 0; n < bytes.length; n++) {
      const e = loadError(bytes.slice(0, n));
      expect(e.javaClass === "java/lang/ClassFormatError" || e.javaClass === "java/lang/UnsupportedClassVersionError", `length ${n}: ${e.javaClass}`).toBe(true);
    }
  });

  it("random single-byte corruptions never escape as host exceptions", () => {
    let seed = 12345;
    for (let i = 0; i < (process.env.JVM_LITE_FULL ? 20000 : 400); i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const b = bytes.slice();
      b[seed % b.length] = (seed >>> 16) & 0xff;
      try {
        vmWith(b).loadClass("Victim");
      } catch (e) {
        expect(e instanceof LinkageFailure || e instanceof ClassFileError, String(e)).toBe(true);
      }
    }
  });

  it("bad magic, bad version and bad constant-pool index are named", () => {
    const magic = bytes.slice();
    magic[0] = 0xde;
    expect(loadError(magic).detail).toMatch(/^Incompatible magic value \d+ in class file Victim$/);
    const version = bytes.slice();
    version[7] = 62;
    expect(loadError(version).javaClass).toBe("java/lang/UnsupportedClassVersionError");
    const cp = bytes.slice();
    // this_class index (after the constant pool) pointing past the pool
    const cf = parseClassFile(bytes, "Victim");
    const thisOff = findThisClassOffset(bytes, cf.cp.count);
    cp[thisOff] = 0xff;
    cp[thisOff + 1] = 0xff;
    expect(loadError(cp).detail).toMatch(/Invalid constant pool index/);
  });

  it("prints what java prints for bad magic and unsupported versions", () => {
    for (const patch of [
      (b: Uint8Array) => (b[0] = 0xde),
      (b: Uint8Array) => (b[7] = 63),
    ]) {
      const b = bytes.slice();
      patch(b);
      writeFileSync(join(dir, "Victim.class"), b);
      const want = runReference({ cp: dir, main: "User" });
      const got = runLite({ cp: dir, main: "User" });
      expect(got.stdout).toBe(want.stdout);
    }
    writeFileSync(join(dir, "Victim.class"), bytes);
  });
});

/** Walks the constant pool to the access_flags/this_class fields (JVMS §4.1). */
function findThisClassOffset(b: Uint8Array, count: number): number {
  let p = 10;
  for (let i = 1; i < count; i++) {
    const tag = b[p]!;
    if (tag === 1) p += 3 + ((b[p + 1]! << 8) | b[p + 2]!);
    else if (tag === 5 || tag === 6) {
      p += 9;
      i++;
    } else if (tag === 7 || tag === 8 || tag === 16 || tag === 19 || tag === 20) p += 3;
    else if (tag === 15) p += 4;
    else p += 5;
  }
  return p + 2;
}

/**
 * Errors raised while reading class files and JARs. They are host-side descriptions of a
 * problem; the class loader turns them into the Java exception JVMS §5.3.5 asks for
 * (ClassFormatError, UnsupportedClassVersionError, ...), so the guest sees a Java exception.
 */
export class ClassFileError extends Error {
  constructor(
    /** The Java exception class (binary name with slashes) the loader must throw. */
    readonly javaClass: string,
    message: string,
    /** Byte offset in the class file where the problem was found, if any. */
    readonly offset?: number,
  ) {
    super(message);
    this.name = "ClassFileError";
  }
}

export function formatError(message: string, offset?: number): ClassFileError {
  return new ClassFileError("java/lang/ClassFormatError", message, offset);
}

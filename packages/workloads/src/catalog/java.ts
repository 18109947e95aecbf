/**
 * Java workloads: our own programs in java/corpus (the differential corpus: one language or library
 * feature each) and java/bench (CLBG-style benchmarks, size in args[0]). Each is one source file whose
 * only top-level class is its main class; the builder makes artifacts/jvm/<Main>.jar.
 *
 * The expected stdout/stderr/exit status come from java-expected.json, which scripts/record-java.ts
 * writes by running the real `java -cp <jar> <Main>`: never edit it by hand. A program missing from
 * the recording is left out of the catalogue (test/java.test.ts fails until it is recorded).
 */
import type { ExpectedResult, Workload } from "../manifest";
import recorded from "./java-expected.json";

export interface JavaProgram {
  /** Main class, also the workload name and the JAR's base name. */
  readonly main: string;
  /** Source folder under java/: the corpus or the benchmarks. */
  readonly group: "corpus" | "bench";
  readonly description: string;
  readonly tags: readonly string[];
  /** Arguments for the recorded run (benchmarks use their built-in default size when absent). */
  readonly args?: readonly string[];
}

/** Every Java program, in catalogue order. */
export const javaPrograms: readonly JavaProgram[] = [
  { main: "Algorithms", group: "corpus", tags: ["corpus"],
    description: "Classic algorithms: sieve, LCS, edit distance, knapsack, binary search, quickselect, topological sort." },
  { main: "ArrayDequeOps", group: "corpus", tags: ["corpus"],
    description: "ArrayDeque as stack and queue, wrap-around growth, iteration both ways, and a BFS on a grid." },
  { main: "ArrayListOps", group: "corpus", tags: ["corpus"],
    description: "ArrayList: growth, index operations, removal by index vs object, subList views, iterators, CME." },
  { main: "Arrays2D", group: "corpus", tags: ["corpus"],
    description: "Multi-dimensional and jagged arrays, array covariance, clone depth, default values, array class names." },
  { main: "ArraysOps", group: "corpus", tags: ["corpus"],
    description: "java.util.Arrays: sort (primitive, object, stable with comparators, ranges), search, fill, copy, equals, hash." },
  { main: "BigFactorial", group: "corpus", tags: ["corpus"],
    description: "Arbitrary precision by hand: 200! and 2^1000 in base-10^9 int arrays, digit sums, Collatz records." },
  { main: "BridgeMethods", group: "corpus", tags: ["corpus"],
    description: "Covariant returns and generic overrides that need bridge methods; erasure-based dispatch through raw types." },
  { main: "Casts", group: "corpus", tags: ["corpus"],
    description: "Primitive conversions: d2i/d2l/f2i/f2l saturation and NaN, narrowing to byte/short/char, widening losses." },
  { main: "CharsAndBits", group: "corpus", tags: ["corpus"],
    description: "char arithmetic and Character classification; Integer bit twiddling and radix conversions." },
  { main: "CollectionViews", group: "corpus", tags: ["corpus"],
    description: "Live views of maps and sets: writes through keySet/values/entrySet, ranged TreeMap views, read-only wrappers." },
  { main: "CollectionsOps", group: "corpus", tags: ["corpus"],
    description: "java.util.Collections: sort, reverse, shuffle with a seeded Random, rotate, swap, min/max, views." },
  { main: "Comparators", group: "corpus", tags: ["corpus"],
    description: "Comparator combinators: comparing, thenComparing, reversed, naturalOrder, reverseOrder, nulls." },
  { main: "ControlFlow", group: "corpus", tags: ["corpus"],
    description: "Loops of every shape: labeled break/continue, do-while, nested loops, ternaries, short-circuits." },
  { main: "CustomCollections", group: "corpus", tags: ["corpus"],
    description: "User collections on the skeletal classes: AbstractList, AbstractMap/AbstractSet, a hand-written Iterable." },
  { main: "Enums", group: "corpus", tags: ["corpus"],
    description: "Enums: fields, constructors, constant bodies, abstract methods, values/valueOf, switch on enums." },
  { main: "ErrorExit", group: "corpus", tags: ["corpus", "error"],
    description: "Exceptions and exit codes: an uncaught checked exception declared by main after output to both streams." },
  { main: "Exceptions", group: "corpus", tags: ["corpus"],
    description: "try/catch/finally ordering, nested handlers, rethrow, custom checked exceptions, causes, multi-catch." },
  { main: "FloatDouble", group: "corpus", tags: ["corpus"],
    description: "float and double: printing (shortest repr), rounding, NaN, infinities, signed zero, comparisons, float precision." },
  { main: "Formatting", group: "corpus", tags: ["corpus"],
    description: "String.format: integers, floating point (HALF_UP rounding of the shortest decimal), widths, flags." },
  { main: "FunctionalInterfaces", group: "corpus", tags: ["corpus"],
    description: "java.util.function: the standard interfaces and their default/static combinators." },
  { main: "Generics", group: "corpus", tags: ["corpus"],
    description: "Generic classes, bounded type parameters, wildcards, generic methods and bridge methods." },
  { main: "HashEquals", group: "corpus", tags: ["corpus"],
    description: "The equals/hashCode contract: missing hashCode, mutable keys, consistent overrides, inheritance pitfalls." },
  { main: "HashMapOrder", group: "corpus", tags: ["corpus"],
    description: "HashMap: iteration order from the hash spreading and table resizes, null keys, views, compute family." },
  { main: "HashSetOps", group: "corpus", tags: ["corpus"],
    description: "HashSet: order, set algebra with retainAll/removeAll/addAll, equality, boxed and string elements." },
  { main: "HelloWorld", group: "corpus", tags: ["corpus", "demo"],
    description: "The smallest program: println of a literal, of a concatenation and of primitives." },
  { main: "HelpfulNpe", group: "corpus", tags: ["corpus"],
    description: "JDK 17 helpful NullPointerException messages (JEP 358): field, array, method, unboxing, local names (-g)." },
  { main: "InitOrder", group: "corpus", tags: ["corpus"],
    description: "Class and instance initialization order: static blocks, lazy class init, field initializers, ctor chains." },
  { main: "InnerClasses", group: "corpus", tags: ["corpus"],
    description: "Inner (non-static) classes, static nested classes, anonymous and local classes, captures." },
  { main: "IntArithmetic", group: "corpus", tags: ["corpus"],
    description: "int/short/byte arithmetic edge cases: overflow, MIN_VALUE / -1, remainder signs, shifts, compound ops." },
  { main: "InterfaceMethods", group: "corpus", tags: ["corpus"],
    description: "Interfaces: default, static and private methods, diamond resolution with X.super.m(), constants, abstract classes." },
  { main: "IteratorEdgeCases", group: "corpus", tags: ["corpus"],
    description: "Iterator contracts across java.util: fail-fast CME, remove() state errors, removal during iteration." },
  { main: "Lambdas", group: "corpus", tags: ["corpus"],
    description: "Lambdas: captures of locals, this and fields; currying; recursion through a field; custom SAMs." },
  { main: "LinkedHashMapLru", group: "corpus", tags: ["corpus"],
    description: "LinkedHashMap insertion and access order, an LRU cache via removeEldestEntry, LinkedHashSet." },
  { main: "LinkedListOps", group: "corpus", tags: ["corpus"],
    description: "LinkedList as list, deque and queue: ends, index operations, descending iterator, removeFirstOccurrence." },
  { main: "LongArithmetic", group: "corpus", tags: ["corpus"],
    description: "long arithmetic: overflow, division edge cases, shifts masked to 6 bits, parsing and radix conversions." },
  { main: "MathFunctions", group: "corpus", tags: ["corpus"],
    description: "java.lang.Math: exactly rounded functions printed in full, transcendental ones at fixed precision." },
  { main: "MatrixMath", group: "corpus", tags: ["corpus"],
    description: "Double-precision numerics: matrix multiply, Gaussian elimination, power iteration, printed with %.6f and toString." },
  { main: "MethodRefs", group: "corpus", tags: ["corpus"],
    description: "Method references of every kind: static, bound, unbound, constructor, array constructor, super." },
  { main: "ObjectBasics", group: "corpus", tags: ["corpus"],
    description: "java.lang.Object and Class basics: getClass names of nested/anonymous/array types, equals defaults, clone." },
  { main: "ObjectsOptional", group: "corpus", tags: ["corpus"],
    description: "java.util.Objects helpers and Optional: equals/hash/requireNonNull messages, map/filter/orElse chains." },
  { main: "PatternMatching", group: "corpus", tags: ["corpus"],
    description: "instanceof patterns, sealed interfaces with records, exhaustive dispatch without preview features." },
  { main: "Polymorphism", group: "corpus", tags: ["corpus"],
    description: "Dispatch: overriding vs overloading (static types choose overloads), field hiding, super calls, static hiding." },
  { main: "Printf", group: "corpus", tags: ["corpus"],
    description: "System.out.printf and PrintStream.format: a receipt table, padding and numeric columns." },
  { main: "PriorityQueueOps", group: "corpus", tags: ["corpus"],
    description: "PriorityQueue: heap layout (visible through toString), poll order, comparators, Dijkstra." },
  { main: "ProducerConsumer", group: "corpus", tags: ["corpus", "threads"],
    description: "wait/notifyAll: a bounded buffer with one producer and one consumer; only the consumer prints." },
  { main: "RandomNumbers", group: "corpus", tags: ["corpus"],
    description: "java.util.Random: the 48-bit LCG, bounded ints (power of two and rejection paths), longs, doubles, Gaussians." },
  { main: "ReadersWriters", group: "corpus", tags: ["corpus"],
    description: "java.io character streams: BufferedReader over StringReader, StringWriter, PrintWriter, BufferedWriter." },
  { main: "Records", group: "corpus", tags: ["corpus"],
    description: "Records: generated toString/equals/hashCode, compact and canonical constructors, statics, nesting." },
  { main: "Recursion", group: "corpus", tags: ["corpus"],
    description: "Recursion: fib, Ackermann, Hanoi, permutations, N-queens, mutual recursion, memoization." },
  { main: "RuntimeErrors", group: "corpus", tags: ["corpus"],
    description: "The VM's own exceptions caught and printed: class names and messages of each." },
  { main: "ScannerParse", group: "corpus", tags: ["corpus"],
    description: "java.util.Scanner over a String: tokens, nextInt/nextLong/nextDouble, nextLine mixing, hasNext checks." },
  { main: "StackMachine", group: "corpus", tags: ["corpus"],
    description: "A tiny bytecode interpreter in Java: parse, compile to an int array, run with a stack and locals." },
  { main: "StackOverflow", group: "corpus", tags: ["corpus"],
    description: "StackOverflowError is catchable, the program continues, and deep-but-bounded recursion still works." },
  { main: "StringBuilderOps", group: "corpus", tags: ["corpus"],
    description: "StringBuilder: append of every type, insert, delete, reverse, replace, setLength." },
  { main: "StringIdentity", group: "corpus", tags: ["corpus"],
    description: "String identity: literals are interned, compile-time constants fold, runtime concatenation does not, intern()." },
  { main: "StringJoinerOps", group: "corpus", tags: ["corpus"],
    description: "StringJoiner: delimiters, prefix/suffix, empty value, merge; String.join over iterables." },
  { main: "StringMethods", group: "corpus", tags: ["corpus"],
    description: "java.lang.String: search, slicing, split on one literal character, case, trim/strip, compare." },
  { main: "StringSwitch", group: "corpus", tags: ["corpus"],
    description: "switch on strings (hash collisions included), switch expressions with yield, fallthrough." },
  { main: "SyncCounter", group: "corpus", tags: ["corpus", "threads"],
    description: "synchronized methods and blocks: four threads increment shared counters; totals are exact." },
  { main: "SystemExit", group: "corpus", tags: ["corpus", "error"],
    description: "System.exit(3) from inside a try with a finally: output flushed, the finally never runs, status 3." },
  { main: "TextBlocksVar", group: "corpus", tags: ["corpus"],
    description: "Text blocks (indentation stripping, escapes, trailing spaces) and local variable type inference." },
  { main: "ThreadsJoin", group: "corpus", tags: ["corpus", "threads"],
    description: "Threads: start/join, results gathered after join, thread names, Runnable vs Thread subclass, isAlive." },
  { main: "TreeMapNav", group: "corpus", tags: ["corpus"],
    description: "TreeMap: sorted iteration, navigation (floor/ceiling/higher/lower), views, polling, comparators." },
  { main: "TreeSetOps", group: "corpus", tags: ["corpus"],
    description: "TreeSet: ordering with custom comparators, floor/ceiling, subSet views, descending sets, pollFirst." },
  { main: "TryWithResources", group: "corpus", tags: ["corpus"],
    description: "try-with-resources: close order, suppressed exceptions, null resources, exceptions in close." },
  { main: "UncaughtCause", group: "corpus", tags: ["corpus", "error"],
    description: "An uncaught exception with a cause chain and suppressed exceptions: \"Caused by\" and \"... n more\" trailers." },
  { main: "UncaughtException", group: "corpus", tags: ["corpus", "error"],
    description: "An uncaught RuntimeException thrown three frames deep: stack trace with line numbers on stderr, exit 1." },
  { main: "UncaughtInThread", group: "corpus", tags: ["corpus", "threads"],
    description: "An exception escaping a non-main thread is printed with the thread's name; main still exits 0." },
  { main: "VarargsBoxing", group: "corpus", tags: ["corpus"],
    description: "Varargs resolution, boxing/unboxing, the Integer cache and ==, overload selection with widening and boxing." },
  { main: "WordCount", group: "corpus", tags: ["corpus"],
    description: "Text processing: tokenizing by hand, counting with HashMap.merge, ranking entries, grouping into TreeMap." },
  { main: "BinaryTrees", group: "bench", tags: ["bench"],
    description: "binary-trees (CLBG task, our own code): allocate and walk many perfect binary trees; a GC and allocation benchmark. args[0] = max depth (default 14)." },
  { main: "FannkuchRedux", group: "bench", tags: ["bench"],
    description: "fannkuch-redux (CLBG task, our own code): pancake flips over all permutations in the benchmark's order. args[0] = n (default 9). Prints the checksum and max flips." },
  { main: "Mandelbrot", group: "bench", tags: ["bench"],
    description: "mandelbrot (CLBG task, our own code): the n x n bitmap of the set over [-1.5,0.5] x [-1,1], 50 iterations; prints the count of points inside and an FNV-1a hash of the packed PBM bytes instead of the image. args[0] = n (default 1000)." },
  { main: "NBody", group: "bench", tags: ["bench"],
    description: "n-body (CLBG task, our own code): a symplectic-Euler simulation of the Jovian planets. args[0] = steps (default 400000). Prints the energy before and after, %.9f." },
  { main: "SpectralNorm", group: "bench", tags: ["bench"],
    description: "spectral-norm (CLBG task, our own code): power method on the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1). args[0] = n (default 400). Prints the norm, %.9f." },
];

/** The workload of a program, with the given expected result. */
export function javaWorkload(p: JavaProgram, expected: ExpectedResult): Workload {
  return {
    name: p.main,
    kind: "jvm",
    description: p.description,
    sources: [`java/${p.group}/${p.main}.java`],
    artifact: `artifacts/jvm/${p.main}.jar`,
    mainClass: p.main,
    args: p.args ?? [],
    expected,
    levels: ["jvm-lite"],
    tags: p.tags,
  };
}

const expectedByName: Readonly<Record<string, ExpectedResult | undefined>> = recorded;

/** Java workloads whose expected output has been recorded from `java`. */
export const javaWorkloads: readonly Workload[] = javaPrograms.flatMap((p) => {
  const expected = expectedByName[p.main];
  return expected ? [javaWorkload(p, expected)] : [];
});

/**
 * java.lang.Math natives that are exactly one JS Math function of their double arguments: the
 * native registry implements them with it, and the compiling tier emits the call inline (a call
 * to the native through a function value boxed each double argument and result, which made
 * V8's GC ~20% of nbody's time).
 */
export const MATH_INTRINSICS: Readonly<Record<string, string>> = {
  "sin(D)D": "Math.sin",
  "cos(D)D": "Math.cos",
  "tan(D)D": "Math.tan",
  "asin(D)D": "Math.asin",
  "acos(D)D": "Math.acos",
  "atan(D)D": "Math.atan",
  "exp(D)D": "Math.exp",
  "log(D)D": "Math.log",
  "log10(D)D": "Math.log10",
  "sqrt(D)D": "Math.sqrt",
  "cbrt(D)D": "Math.cbrt",
  "ceil(D)D": "Math.ceil",
  "floor(D)D": "Math.floor",
  "atan2(DD)D": "Math.atan2",
  "sinh(D)D": "Math.sinh",
  "cosh(D)D": "Math.cosh",
  "tanh(D)D": "Math.tanh",
  "hypot(DD)D": "Math.hypot",
  "expm1(D)D": "Math.expm1",
  "log1p(D)D": "Math.log1p",
};

const fns: Readonly<Record<string, (...a: number[]) => number>> = {
  "Math.sin": Math.sin, "Math.cos": Math.cos, "Math.tan": Math.tan, "Math.asin": Math.asin, "Math.acos": Math.acos,
  "Math.atan": Math.atan, "Math.exp": Math.exp, "Math.log": Math.log, "Math.log10": Math.log10, "Math.sqrt": Math.sqrt,
  "Math.cbrt": Math.cbrt, "Math.ceil": Math.ceil, "Math.floor": Math.floor, "Math.atan2": Math.atan2, "Math.sinh": Math.sinh,
  "Math.cosh": Math.cosh, "Math.tanh": Math.tanh, "Math.hypot": Math.hypot, "Math.expm1": Math.expm1, "Math.log1p": Math.log1p,
};

/** The JS function behind an intrinsic's name (for the native registry). */
export function intrinsicFunction(name: string): (...a: number[]) => number {
  const f = fns[name];
  if (f === undefined) throw new Error(`no JS function ${name}`);
  return f;
}

/**
 * Java's textual forms of floating-point numbers (Double.toString, Float.toString, the digits
 * behind Formatter's %f/%e/%g) and Double.parseDouble's grammar.
 *
 * Digits: the shortest decimal that rounds back to the same value (what JS's Number#toString
 * and JDK 19+'s Double.toString produce). JDK 17's FloatingDecimal agrees except in rare
 * cases where it prints one more digit (1.0E23 -> 9.999999999999999E22); see the README.
 */

/** Shortest round-trip digits and decimal exponent: value = 0.DIGITS × 10^exp. */
export function shortestDigits(v: number, isFloat: boolean): { digits: string; exp: number } {
  // v is finite and > 0
  let s: string;
  if (isFloat) {
    s = "";
    for (let p = 1; p <= 9; p++) {
      s = v.toPrecision(p);
      if (Math.fround(Number(s)) === v) break;
    }
    s = Number(s).toExponential();
  } else s = v.toExponential();
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s)!;
  let digits = m[1]! + (m[2] ?? "");
  digits = digits.replace(/0+$/, "") || "0";
  return { digits, exp: Number(m[3]) + 1 };
}

/** FloatingDecimal.toJavaFormatString layout of digits/exponent. */
function javaLayout(digits: string, exp: number): string {
  if (exp > 0 && exp <= 7) {
    const intPart = digits.length >= exp ? digits.slice(0, exp) : digits + "0".repeat(exp - digits.length);
    const frac = digits.length > exp ? digits.slice(exp) : "0";
    return `${intPart}.${frac}`;
  }
  if (exp <= 0 && exp > -3) return `0.${"0".repeat(-exp)}${digits}`;
  return `${digits[0]}.${digits.length > 1 ? digits.slice(1) : "0"}E${exp - 1}`;
}

export function javaDoubleToString(v: number): string {
  if (v !== v) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  const neg = v < 0;
  const { digits, exp } = shortestDigits(Math.abs(v), false);
  return (neg ? "-" : "") + javaLayout(digits, exp);
}

export function javaFloatToString(v: number): string {
  if (v !== v) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  const neg = v < 0;
  const { digits, exp } = shortestDigits(Math.abs(v), true);
  return (neg ? "-" : "") + javaLayout(digits, exp);
}

const JAVA_FLOAT = /^[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)|(0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+))[fFdD]?$/;

/** Double.parseDouble (FloatingDecimal.readJavaFormatString); null when the string is not a Java floating literal. */
export function parseJavaDouble(s: string): number | null {
  // Java trims whitespace (chars <= ' ') at both ends.
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  const t = s.slice(a, b);
  if (!JAVA_FLOAT.test(t)) return null;
  let body = t.replace(/[fFdD]$/, "");
  if (/Infinity|NaN/.test(t)) body = t;
  const neg = body.startsWith("-");
  if (body[0] === "+" || body[0] === "-") body = body.slice(1);
  let v: number;
  if (body === "NaN") v = NaN;
  else if (body === "Infinity") v = Infinity;
  else if (/^0[xX]/.test(body)) v = parseHexFloat(body.slice(2));
  else v = Number(body);
  return neg ? -v : v;
}

function parseHexFloat(s: string): number {
  const [mant, expStr] = s.split(/[pP]/) as [string, string];
  const [ip, fp = ""] = mant.split(".") as [string, string?];
  const bits = BigInt("0x" + ((ip || "0") + fp));
  return Number(bits) * Math.pow(2, Number(expStr) - 4 * fp.length);
}

/** Rounds the decimal `digits` (value 0.DIGITS × 10^exp) to `keep` digits, HALF_UP, as java.math does. */
function roundDigits(digits: string, exp: number, keep: number): { digits: string; exp: number } {
  if (keep < 0) return { digits: "0", exp };
  if (digits.length <= keep) return { digits: digits + "0".repeat(keep - digits.length), exp };
  const head = digits.slice(0, keep);
  const roundUp = digits.charCodeAt(keep) >= 53; // '5'
  if (!roundUp) return { digits: head.length > 0 ? head : "0", exp: head.length > 0 ? exp : exp };
  // increment head
  const arr = head.split("").map(Number);
  let i = arr.length - 1;
  while (i >= 0) {
    if (arr[i]! < 9) {
      arr[i]!++;
      break;
    }
    arr[i] = 0;
    i--;
  }
  if (i < 0) return { digits: "1" + arr.join(""), exp: exp + 1 };
  return { digits: arr.join(""), exp };
}

/** %.{prec}f as java.util.Formatter prints it (HALF_UP on Java's digits). */
export function javaToFixed(v: number, prec: number): string {
  if (v !== v) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  if (a === 0) return (neg ? "-" : "") + (prec > 0 ? "0." + "0".repeat(prec) : "0");
  const sd = shortestDigits(a, false);
  // number of digits to keep = digits before the point (exp) + prec
  const keep = sd.exp + prec;
  let r: { digits: string; exp: number };
  if (keep < 0) r = { digits: "", exp: sd.exp };
  else if (keep === 0) r = sd.digits.charCodeAt(0) >= 53 ? { digits: "1", exp: sd.exp + 1 } : { digits: "", exp: sd.exp };
  else r = roundDigits(sd.digits, sd.exp, keep);
  // Build the plain number from r.digits at exponent r.exp.
  let intPart: string;
  let frac: string;
  const d = r.digits;
  if (r.exp <= 0) {
    intPart = "0";
    frac = "0".repeat(-r.exp) + d;
  } else if (d.length <= r.exp) {
    intPart = d + "0".repeat(r.exp - d.length);
    frac = "";
  } else {
    intPart = d.slice(0, r.exp);
    frac = d.slice(r.exp);
  }
  intPart = intPart.replace(/^0+(?=\d)/, "") || "0";
  frac = (frac + "0".repeat(prec)).slice(0, prec);
  return (neg ? "-" : "") + intPart + (prec > 0 ? "." + frac : "");
}

/** %.{prec}e as java.util.Formatter prints it. */
export function javaToScientific(v: number, prec: number): string {
  if (v !== v) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  let digits: string;
  let e: number;
  if (a === 0) {
    digits = "0".repeat(prec + 1);
    e = 0;
  } else {
    const sd = shortestDigits(a, false);
    const r = roundDigits(sd.digits, sd.exp, prec + 1);
    digits = r.digits.slice(0, prec + 1);
    e = r.exp - 1;
  }
  const mant = digits[0]! + (prec > 0 ? "." + digits.slice(1) : "");
  const es = Math.abs(e) < 10 ? "0" + Math.abs(e) : String(Math.abs(e));
  return (neg ? "-" : "") + mant + "e" + (e < 0 ? "-" : "+") + es;
}

/** %.{prec}g as java.util.Formatter prints it. */
export function javaToGeneral(v: number, prec: number): string {
  if (v !== v) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  const p = prec === 0 ? 1 : prec;
  const a = Math.abs(v);
  if (a === 0) return javaToFixed(v, p - 1);
  const sd = shortestDigits(a, false);
  const r = roundDigits(sd.digits, sd.exp, p);
  const rounded = Number(`0.${r.digits}e${r.exp}`);
  if (rounded >= 1e-4 && rounded < Math.pow(10, p)) return javaToFixed(v, p - r.exp);
  return javaToScientific(v, p - 1);
}

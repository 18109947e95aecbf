/**
 * Java's textual forms of floating-point numbers: Double.toString / Float.toString (JDK 17's
 * FloatingDecimal digits, see floating-decimal.ts), the digits behind Formatter's %f/%e/%g
 * (FormattedFloatingDecimal: applyPrecision rounds HALF_UP on those digits), and
 * Double.parseDouble's grammar.
 */
import { doubleDigits, floatDigits, javaFormat } from "./floating-decimal";

function special(v: number): string | null {
  if (v !== v) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  return null;
}

export function javaDoubleToString(v: number): string {
  const sp = special(v);
  if (sp !== null) return sp;
  return (v < 0 ? "-" : "") + javaFormat(doubleDigits(Math.abs(v), true));
}

export function javaFloatToString(v: number): string {
  const sp = special(v);
  if (sp !== null) return sp;
  return (v < 0 ? "-" : "") + javaFormat(floatDigits(Math.abs(v)));
}

const JAVA_FLOAT = /^[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)|(0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+[fFdD]?))$/;

/** Double.parseDouble (FloatingDecimal.readJavaFormatString); null when the string is not a Java floating literal. */
export function parseJavaDouble(s: string): number | null {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  const t = s.slice(a, b);
  if (!JAVA_FLOAT.test(t)) return null;
  let body = /Infinity|NaN/.test(t) ? t : t.replace(/[fFdD]$/, "");
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

/** FormattedFloatingDecimal.applyPrecision: rounds digits in place (HALF_UP); returns the new exponent. */
function applyPrecision(decExp: number, digits: number[], prec: number): number {
  const n = digits.length;
  if (prec >= n || prec < 0) return decExp;
  if (prec === 0) {
    if (digits[0]! >= 5) {
      digits[0] = 1;
      digits.fill(0, 1);
      return decExp + 1;
    }
    digits.fill(0);
    return decExp;
  }
  if (digits[prec]! >= 5) {
    let i = prec;
    let q = digits[--i]!;
    if (q === 9) {
      while (q === 9 && i > 0) q = digits[--i]!;
      if (q === 9) {
        digits[0] = 1;
        digits.fill(0, 1);
        return decExp + 1;
      }
    }
    digits[i] = q + 1;
    digits.fill(0, i + 1);
  } else digits.fill(0, prec);
  return decExp;
}

/** fillDecimal + Formatter.addZeros. */
function decimalText(digits: number[], exp: number, prec: number): string {
  const d = digits.join("");
  const n = d.length;
  let out: string;
  if (exp > 0) {
    if (n < exp) out = d + "0".repeat(exp - n);
    else {
      const t = Math.min(n - exp, prec);
      out = d.slice(0, exp) + (t > 0 ? "." + d.slice(exp, exp + t) : "");
    }
  } else {
    const zeros = Math.max(0, Math.min(-exp, prec));
    const t = Math.max(0, Math.min(n, prec + exp));
    if (zeros > 0) out = "0." + "0".repeat(zeros) + (t > 0 ? d.slice(0, t) : "");
    else if (t > 0) out = "0." + d.slice(0, t);
    else out = "0";
  }
  return addZeros(out, prec);
}

function addZeros(s: string, prec: number): string {
  const dot = s.indexOf(".");
  const have = dot < 0 ? 0 : s.length - dot - 1;
  if (have >= prec) return s;
  return (dot < 0 ? s + "." : s) + "0".repeat(prec - have);
}

function scientificText(digits: number[], exp: number, prec: number): string {
  const d = digits.join("");
  const t = Math.min(d.length - 1, prec);
  let mant = d[0]! + (t > 0 ? "." + d.slice(1, 1 + t) : "");
  mant = addZeros(mant, prec);
  const e = exp - 1;
  const ae = Math.abs(e);
  return `${mant}e${e < 0 ? "-" : "+"}${ae < 10 ? "0" + ae : ae}`;
}

function nonFinite(v: number): string | null {
  if (v !== v) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  return null;
}

/** Formatter %.{prec}f of v, with a leading '-' for negative values (no grouping or padding). */
export function javaToFixed(v: number, prec: number): string {
  const nf = nonFinite(v);
  if (nf !== null) return nf;
  const neg = v < 0 || Object.is(v, -0);
  if (v === 0) return (neg ? "-" : "") + addZeros("0", prec);
  const r = doubleDigits(Math.abs(v), false);
  const digits = r.digits.slice();
  const exp = applyPrecision(r.decExponent, digits, r.decExponent + prec);
  return (neg ? "-" : "") + decimalText(digits, exp, prec);
}

/** Formatter %.{prec}e. */
export function javaToScientific(v: number, prec: number): string {
  const nf = nonFinite(v);
  if (nf !== null) return nf;
  const neg = v < 0 || Object.is(v, -0);
  if (v === 0) return (neg ? "-" : "") + addZeros("0", prec) + "e+00";
  const r = doubleDigits(Math.abs(v), false);
  const digits = r.digits.slice();
  const exp = applyPrecision(r.decExponent, digits, prec + 1);
  return (neg ? "-" : "") + scientificText(digits, exp, prec);
}

/** Formatter %.{prec}g. */
export function javaToGeneral(v: number, precision: number): string {
  const nf = nonFinite(v);
  if (nf !== null) return nf;
  const prec = precision === 0 ? 1 : precision;
  const neg = v < 0 || Object.is(v, -0);
  if (v === 0) return (neg ? "-" : "") + addZeros("0", prec - 1);
  const r = doubleDigits(Math.abs(v), false);
  const digits = r.digits.slice();
  const exp = applyPrecision(r.decExponent, digits, prec);
  if (exp - 1 < -4 || exp - 1 >= prec) return (neg ? "-" : "") + scientificText(digits, exp, prec - 1);
  return (neg ? "-" : "") + decimalText(digits, exp, prec - exp);
}

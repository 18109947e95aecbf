/**
 * java.util.regex semantics for String.split/matches/replaceAll/replaceFirst, on top of JS
 * RegExp. Java and JS regex syntax agree for the common constructs (classes, quantifiers,
 * groups, alternation, anchors, \d \s \w \b); this translates the POSIX classes
 * (\p{Alpha}, \p{Digit}...), \A \Z \z, possessive quantifiers (as greedy) and atomic groups (as
 * plain groups). Look-behind, named groups and back-references work as in JS.
 */
import type { JThread } from "../threads/thread";

const POSIX: Record<string, string> = {
  Lower: "a-z", Upper: "A-Z", ASCII: "\\x00-\\x7F", Alpha: "a-zA-Z", Digit: "0-9", Alnum: "a-zA-Z0-9",
  Punct: "!-\\/:-@\\[-`{-~", Graph: "!-~", Print: " -~", Blank: " \\t", Cntrl: "\\x00-\\x1F\\x7F", XDigit: "0-9a-fA-F",
  Space: " \\t\\n\\x0B\\f\\r", javaLowerCase: "a-z", javaUpperCase: "A-Z", javaWhitespace: " \\t\\n\\x0B\\f\\r\\x1C-\\x1F",
};

const cache = new Map<string, RegExp>();

function translate(src: string): { source: string; unicode: boolean } {
  let out = "";
  let unicode = false;
  let inClass = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === "\\" && i + 1 < src.length) {
      const n = src[i + 1]!;
      if ((n === "p" || n === "P") && src[i + 2] === "{") {
        const end = src.indexOf("}", i);
        const name = src.slice(i + 3, end);
        const posix = POSIX[name.replace(/^Is/, "")];
        if (posix !== undefined) {
          out += n === "p" ? (inClass ? posix : `[${posix}]`) : inClass ? "" : `[^${posix}]`;
        } else {
          unicode = true;
          const prop = name.replace(/^Is/, "").replace(/^Alphabetic$/, "Alphabetic");
          out += `\\${n}{${prop}}`;
        }
        i = end;
        continue;
      }
      if (n === "A") out += "^";
      else if (n === "Z" || n === "z") out += "$";
      else if (n === "Q") {
        const end = src.indexOf("\\E", i + 2);
        const lit = src.slice(i + 2, end < 0 ? src.length : end);
        out += lit.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
        i = end < 0 ? src.length : end + 1;
        continue;
      } else if (/[a-zA-Z0-9]/.test(n)) out += c + n;
      else out += "\\" + n;
      i++;
      continue;
    }
    if (c === "[") inClass++;
    else if (c === "]" && inClass > 0) inClass--;
    if (!inClass && (c === "+" || c === "*" || c === "?" || c === "}") && src[i + 1] === "+") {
      out += c; // possessive -> greedy
      i++;
      continue;
    }
    if (!inClass && c === "(" && src[i + 1] === "?" && src[i + 2] === ">") {
      out += "(?:";
      i += 2;
      continue;
    }
    out += c;
  }
  if (unicode) out = out.replace(/\\([^a-zA-Z0-9\\^$.*+?()[\]{}|/-])/g, "$1");
  return { source: out, unicode };
}

/** A JS RegExp for a Java pattern (null + IllegalArgumentException pending on a syntax error). */
export function javaRegex(t: JThread, pattern: string, flags: string, whole: boolean): RegExp | null {
  const key = `${flags}|${whole ? 1 : 0}|${pattern}`;
  const hit = cache.get(key);
  if (hit) {
    hit.lastIndex = 0;
    return hit;
  }
  let embedded = "";
  let p = pattern;
  const m = /^\(\?([imsx]+)\)/.exec(p);
  if (m) {
    embedded = m[1]!.replace(/x/g, "");
    p = p.slice(m[0].length);
  }
  try {
    const { source, unicode } = translate(p);
    const re = new RegExp(whole ? `^(?:${source})$` : source, flags + embedded + (unicode ? "u" : ""));
    cache.set(key, re);
    return re;
  } catch (e) {
    t.exc = t.vm.newThrowable(t, "java/lang/IllegalArgumentException", `${(e as Error).message} near index 0\n${pattern}`);
    return null;
  }
}

/** Pattern.split / String.split (JDK 8+ rules for leading zero-width matches, limit semantics). */
export function javaSplit(t: JThread, input: string, pattern: string, limit: number): string[] | null {
  // Fast path of String.split: a single literal character (or an escaped one).
  let lit: string | null = null;
  if (pattern.length === 1 && !".$|()[{^?*+\\".includes(pattern)) lit = pattern;
  else if (pattern.length === 2 && pattern[0] === "\\" && !/[0-9a-zA-Z]/.test(pattern[1]!)) lit = pattern[1]!;
  const list: string[] = [];
  let index = 0;
  const limited = limit > 0;
  if (lit !== null) {
    let next: number;
    while ((next = input.indexOf(lit, index)) !== -1) {
      if (!limited || list.length < limit - 1) {
        list.push(input.slice(index, next));
        index = next + 1;
      } else break;
    }
    if (index === 0) return [input];
  } else {
    const re = javaRegex(t, pattern, "g", false);
    if (re === null) return null;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(input)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) re.lastIndex = end + 1;
      if (end === 0 && start === 0) continue;
      if (start >= input.length && m[0].length === 0) break;
      if (!limited || list.length < limit - 1) {
        list.push(input.slice(index, start));
        index = end;
      } else break;
    }
    if (index === 0 && list.length === 0) return [input];
  }
  list.push(input.slice(index));
  if (limit === 0) while (list.length > 0 && list[list.length - 1] === "") list.pop();
  return list;
}

/** Matcher.replaceAll/replaceFirst with Java's replacement syntax ($n, ${name}, \x). */
export function javaReplacement(t: JThread, input: string, re: RegExp, repl: string): string | null {
  let bad = null as string | null;
  re.lastIndex = 0;
  const out = input.replace(re, (...args: unknown[]) => {
    const hasGroups = typeof args[args.length - 1] === "object";
    const groupsObj = (hasGroups ? args[args.length - 1] : undefined) as Record<string, string | undefined> | undefined;
    const nGroups = args.length - (hasGroups ? 3 : 2);
    const groups = args.slice(0, nGroups) as (string | undefined)[];
    let r = "";
    for (let i = 0; i < repl.length; i++) {
      const c = repl[i]!;
      if (c === "\\") {
        i++;
        if (i >= repl.length) {
          bad = "character to be escaped is missing";
          return "";
        }
        r += repl[i];
      } else if (c === "$") {
        i++;
        if (repl[i] === "{") {
          const end = repl.indexOf("}", i);
          const name = repl.slice(i + 1, end);
          r += groupsObj?.[name] ?? "";
          i = end;
        } else {
          let num = repl.charCodeAt(i) - 48;
          if (!(num >= 0 && num <= 9)) {
            bad = "Illegal group reference";
            return "";
          }
          while (i + 1 < repl.length) {
            const d = repl.charCodeAt(i + 1) - 48;
            if (d < 0 || d > 9 || num * 10 + d >= nGroups) break;
            num = num * 10 + d;
            i++;
          }
          if (num >= nGroups) {
            bad = `No group ${num}`;
            return "";
          }
          r += groups[num] ?? "";
        }
      } else r += c;
    }
    return r;
  });
  if (bad !== null) {
    t.exc = t.vm.newThrowable(t, bad.startsWith("No group") ? "java/lang/IndexOutOfBoundsException" : "java/lang/IllegalArgumentException", bad);
    return null;
  }
  return out;
}

/** A lane's console: serial or stdout/stderr of the guest, in xterm.js. */
import { Terminal as XTerm } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";

export interface TerminalHandle {
  write(text: string, stream?: "stdout" | "stderr"): void;
  clear(): void;
  text(): string;
}

/**
 * The console's element carries the plain transcript as a property (never an attribute, so no DOM
 * work per write): xterm only renders the rows on screen, and long serial transcripts scroll.
 */
export interface TranscriptHost extends HTMLDivElement {
  strataTranscript?: string;
}

export const Terminal = forwardRef<TerminalHandle, { rows?: number; onInput?: (text: string) => void }>(function Terminal({ rows = 12, onInput }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<XTerm | null>(null);
  // The plain text as written, for tests and for copying: xterm's buffer wraps lines.
  const transcript = useRef("");

  // The latest input handler, read by xterm's onData (the terminal is built once per size).
  const inputHandler = useRef(onInput);
  inputHandler.current = onInput;

  useEffect(() => {
    const t = new XTerm({ rows, cols: 80, convertEol: true, disableStdin: false, fontSize: 12, scrollback: 5000 });
    // Keys go to the guest as a serial terminal sends them (Enter is CR); nothing is echoed here.
    const typing = t.onData((data) => inputHandler.current?.(data));
    if (host.current) t.open(host.current);
    term.current = t;
    return () => {
      typing.dispose();
      t.dispose();
      term.current = null;
    };
  }, [rows]);

  useImperativeHandle(ref, () => ({
    write(text, stream = "stdout") {
      transcript.current += text;
      if (host.current) (host.current as TranscriptHost).strataTranscript = transcript.current;
      term.current?.write(stream === "stderr" ? `\x1b[31m${text}\x1b[0m` : text);
    },
    clear() {
      transcript.current = "";
      if (host.current) (host.current as TranscriptHost).strataTranscript = "";
      term.current?.reset();
    },
    text: () => transcript.current,
  }));

  return <div className="terminal" ref={host} data-testid="terminal" />;
});

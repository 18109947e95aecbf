/** Shared by the adapters: streaming text decoding and yielding between run slices. */

/** Lets the event loop run (abort messages, progress rendering) between slices. */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Collects a guest stream's bytes as text (UTF-8, split sequences kept across chunks). */
export class TextSink {
  readonly #decoder = new TextDecoder();
  text = "";
  constructor(private readonly forward?: (text: string) => void) {}
  push = (bytes: Uint8Array): void => {
    const t = this.#decoder.decode(bytes, { stream: true });
    this.text += t;
    if (t) this.forward?.(t);
  };
  end(): string {
    const t = this.#decoder.decode();
    this.text += t;
    if (t) this.forward?.(t);
    return this.text;
  }
}

import type { Builder } from "../build";

export const buildKernel: Builder = (items) => {
  if (items.length) throw new Error("the kernel builder is not written yet");
};

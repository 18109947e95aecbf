import type { Builder } from "../build";

export const buildBaremetal: Builder = (items) => {
  if (items.length) throw new Error("the baremetal builder is not written yet");
};

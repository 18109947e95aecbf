import type { Builder } from "../build";

export const buildJava: Builder = (items) => {
  if (items.length) throw new Error("the java builder is not written yet");
};

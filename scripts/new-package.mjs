#!/usr/bin/env node
// Scaffolds a workspace package with the conventions of shared/DESIGN.md:
//   node scripts/new-package.mjs <dir-name> "<one-line description>" [--node-entry] [--bin name=src/cli.ts]
// It writes package.json (source export condition first, then types/import), tsconfig.json,
// tsup.config.ts, vitest.config.ts, README.md and src/index.ts; it never overwrites a file.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, description = "", ...rest] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node scripts/new-package.mjs <dir-name> \"<description>\" [--node-entry] [--bin name=src/cli.ts]");
  process.exit(2);
}
const nodeEntry = rest.includes("--node-entry");
const bins = rest.filter((a) => a.startsWith("--bin")).map((a) => a.split(" ")[1] ?? a.slice(6));
const root = join("packages", dir);
const name = `@strata/${dir}`;

function write(file, text) {
  const path = join(root, file);
  if (existsSync(path)) return;
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}

const entry = (src) => ({
  "@strata/source": `./src/${src}.ts`,
  types: `./dist/${src}.d.ts`,
  import: `./dist/${src}.js`,
  default: `./dist/${src}.js`,
});
const exportsMap = { ".": entry("index") };
const entries = ["src/index.ts"];
if (nodeEntry) {
  exportsMap["./node"] = entry("node");
  entries.push("src/node.ts");
}
exportsMap["./package.json"] = "./package.json";
const bin = {};
for (const b of bins) {
  const [binName, src] = b.split("=");
  bin[binName] = `./bin/${binName}.mjs`;
  entries.push(src);
  const out = src.replace(/^src\//, "").replace(/\.ts$/, ".js");
  write(`bin/${binName}.mjs`, `#!/usr/bin/env node\nimport "../dist/${out}";\n`);
  chmodSync(join(root, `bin/${binName}.mjs`), 0o755);
}

write(
  "package.json",
  JSON.stringify(
    {
      name,
      version: "0.0.0",
      description,
      license: "MIT",
      type: "module",
      sideEffects: false,
      exports: exportsMap,
      ...(bins.length ? { bin } : {}),
      files: ["dist", "src", "bin", "!src/**/*.test.ts", "README.md", "CHANGELOG.md"],
      scripts: {
        build: "tsup",
        test: "vitest run",
        lint: "eslint .",
        typecheck: "tsc --noEmit",
      },
      publishConfig: { access: "public" },
      devDependencies: Object.fromEntries(
        ["@types/node", "eslint", "tsup", "typescript", "vitest"].map((d) => [d, "catalog:"]),
      ),
    },
    null,
    2,
  ) + "\n",
);
write(
  "tsconfig.json",
  JSON.stringify({ extends: "../../tsconfig.base.json", include: ["src", "test", "bench", "scripts", "*.ts"] }, null, 2) + "\n",
);
write(
  "tsup.config.ts",
  `import { defineConfig } from "tsup";\n\nexport default defineConfig({\n  entry: ${JSON.stringify(entries)},\n  format: ["esm"],\n  dts: true,\n  sourcemap: true,\n  clean: true,\n  target: "node20",\n});\n`,
);
write("vitest.config.ts", `export { default } from "../../vitest.shared";\n`);
write("src/index.ts", `export {};\n`);
write("README.md", `# ${name}\n\n${description}\n`);
console.log(`created ${root}`);

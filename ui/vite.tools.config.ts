// Bundles the Node tools (tools/*.ts) into dist-tools/, self-contained, for plain `node`.
import { defineConfig } from "vite";

export default defineConfig({
  build: {
    ssr: "tools/roundtrip.ts",
    outDir: "dist-tools",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    rollupOptions: { output: { format: "es", entryFileNames: "roundtrip.mjs" } },
  },
  // Every dependency inside the bundle: the tool runs where ui/node_modules is not.
  ssr: { noExternal: true, target: "node" },
});

// Build settings for the web front end that Tauri loads from ui/dist under a strict CSP.
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Relative asset paths: Tauri serves the files from its own protocol, not a web root.
  base: "./",
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK on Linux and WKWebView on macOS are Safari-class engines.
    target: "safari15",
    sourcemap: false,
    // Never inline assets as data: URLs; the CSP allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // One local bundle, loaded from disk: size warnings for the web do not apply.
    chunkSizeWarningLimit: 1000,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["src/test/setup.ts"],
    include: ["src/**/*.test.ts"],
  },
});

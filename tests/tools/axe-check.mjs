// Runs axe-core on exported pages in Debian's headless Chromium, for tests/export_validity.rs.
// Usage: node axe-check.mjs <page.html>...   Prints each violation; exits 1 if there is any.
// Each page is checked twice, as on screen and as printed, so contrast holds on paper too.
// Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe): no
// port, no WebSocket library, no browser download.

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const pages = process.argv.slice(2);
if (pages.length === 0) {
  console.error("usage: node axe-check.mjs <page.html>...");
  process.exit(2);
}
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const profile = mkdtempSync(join(tmpdir(), "cmalt-axe-"));

const browser = spawn(
  chromium,
  [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--remote-debugging-pipe",
    `--user-data-dir=${profile}`,
    "about:blank",
  ],
  // fd 3: commands to Chromium; fd 4: its answers and events, each JSON ended by a NUL.
  { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] },
);
let browserLog = "";
browser.stdio[2].on("data", (chunk) => (browserLog += chunk));

let nextId = 1;
const waiting = new Map();
const listeners = [];
let buffer = "";
browser.stdio[4].on("data", (chunk) => {
  buffer += chunk.toString("utf8");
  let end;
  while ((end = buffer.indexOf("\0")) >= 0) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (message.id && waiting.has(message.id)) {
      const { resolve: done, reject } = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) reject(new Error(`${message.error.message} (${message.error.code})`));
      else done(message.result);
    } else {
      for (const listener of [...listeners]) listener(message);
    }
  }
});

function send(method, params = {}, sessionId = undefined) {
  const id = nextId++;
  const message = { id, method, params };
  if (sessionId) message.sessionId = sessionId;
  browser.stdio[3].write(JSON.stringify(message) + "\0");
  return new Promise((done, reject) => waiting.set(id, { resolve: done, reject }));
}

function nextEvent(method, sessionId) {
  return new Promise((done) => {
    const listener = (message) => {
      if (message.method === method && message.sessionId === sessionId) {
        listeners.splice(listeners.indexOf(listener), 1);
        done(message.params);
      }
    };
    listeners.push(listener);
  });
}

async function evaluate(expression, sessionId) {
  const { result, exceptionDetails } = await send(
    "Runtime.evaluate",
    { expression, awaitPromise: true, returnByValue: true },
    sessionId,
  );
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description || exceptionDetails.text);
  return result.value;
}

async function check(page) {
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
  await send("Page.enable", {}, sessionId);
  const loaded = nextEvent("Page.loadEventFired", sessionId);
  await send("Page.navigate", { url: pathToFileURL(resolve(page)).href }, sessionId);
  await loaded;
  await evaluate(axeSource, sessionId);
  const found = [];
  for (const media of ["screen", "print"]) {
    await send("Emulation.setEmulatedMedia", { media }, sessionId);
    const violations = await evaluate(
      `axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(" "), html: n.html.slice(0, 160), summary: n.failureSummary })),
      })))`,
      sessionId,
    );
    for (const violation of violations) found.push({ media, ...violation });
  }
  await send("Target.closeTarget", { targetId });
  return found;
}

let failed = false;
const timer = setTimeout(() => {
  console.error(`axe-check: Chromium did not answer in time\n${browserLog.slice(-2000)}`);
  browser.kill("SIGKILL");
  process.exit(2);
}, 90_000);
try {
  for (const page of pages) {
    const violations = await check(page);
    if (violations.length === 0) {
      console.log(`${page}: no accessibility violations (screen and print)`);
      continue;
    }
    failed = true;
    for (const v of violations) {
      console.log(`${page} [${v.media}] ${v.id} (${v.impact}): ${v.help}`);
      for (const node of v.nodes) console.log(`    at ${node.target}: ${node.html}\n      ${node.summary}`);
    }
  }
} catch (error) {
  console.error(`axe-check: ${error.message}\n${browserLog.slice(-2000)}`);
  failed = true;
} finally {
  clearTimeout(timer);
  const closed = new Promise((done) => browser.once("exit", done));
  send("Browser.close").catch(() => {});
  await Promise.race([closed, new Promise((done) => setTimeout(done, 5000))]);
  if (browser.exitCode === null) browser.kill("SIGKILL");
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

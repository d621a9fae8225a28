// Round-trips Markdown texts as the editor would save them: a JSON array of strings on stdin, the
// JSON array of saved strings on stdout. For comparing with the core's renderer (comrak).
// Fails loudly: anything but an array of strings, or any error, exits 1 with a message on stderr.
import { roundTripMarkdown } from "../src/editor/markdown-io";

interface NodeProcess {
  stdin: { setEncoding(encoding: string): void; on(event: string, listener: (chunk?: string) => void): void };
  stdout: { write(text: string): void };
  stderr: { write(text: string): void };
  exitCode?: number;
}

const proc = (globalThis as unknown as { process: NodeProcess }).process;

function fail(message: string): void {
  proc.stderr.write(`roundtrip: ${message}\n`);
  proc.exitCode = 1;
}

function run(input: string): void {
  let texts: unknown;
  try {
    texts = JSON.parse(input);
  } catch (error) {
    fail(`stdin is not JSON: ${(error as Error).message}`);
    return;
  }
  if (!Array.isArray(texts)) {
    fail("stdin must be a JSON array of strings");
    return;
  }
  const bad = texts.findIndex((text) => typeof text !== "string");
  if (bad >= 0) {
    fail(`item ${bad} is not a string`);
    return;
  }
  try {
    proc.stdout.write(`${JSON.stringify((texts as string[]).map(roundTripMarkdown))}\n`);
  } catch (error) {
    fail(`round trip failed: ${(error as Error).stack ?? error}`);
  }
}

let input = "";
proc.stdin.setEncoding("utf8");
proc.stdin.on("data", (chunk) => {
  input += chunk ?? "";
});
proc.stdin.on("end", () => run(input));

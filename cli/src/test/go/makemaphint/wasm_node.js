// Runs a GOOS=js GOARCH=wasm program under Node.js with Go 1.19's misc/wasm/wasm_exec.js.
// Go's own wasm_exec_node.js assigns globalThis.crypto, which Node.js 19 and later make
// read-only (TypeError), so probe.sh uses this runner: Node's built-in crypto, performance and
// TextEncoder already give what wasm_exec.js needs.
//
// Usage: node wasm_node.js GOROOT PROGRAM.wasm [ARGS...]
"use strict";

const [goroot, program, ...args] = process.argv.slice(2);
if (!goroot || !program) {
  console.error("usage: node wasm_node.js GOROOT PROGRAM.wasm [ARGS...]");
  process.exit(2);
}
globalThis.require = require;
globalThis.fs = require("fs");
require(require("path").join(goroot, "misc", "wasm", "wasm_exec.js"));

const go = new Go();
go.argv = [program, ...args];
go.env = { TMPDIR: require("os").tmpdir() };
go.exit = process.exit;
WebAssembly.instantiate(fs.readFileSync(program), go.importObject)
  .then((result) => go.run(result.instance))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });

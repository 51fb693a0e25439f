// The package's entry in Node (the "node" condition of package.json's exports). wasm-bindgen's
// --target web module loads its .wasm with fetch(), which Node does not do for file: URLs, so
// this reads the bytes from disk and instantiates them synchronously: every function works as
// soon as the import resolves. The default export (init) is re-exported too; it resolves at once
// now, so code written for browsers (`await init()` first) runs unchanged.

import { readFileSync } from 'node:fs';

import { initSync } from './uclint_wasm.js';

initSync({ module: readFileSync(new URL('./uclint_wasm_bg.wasm', import.meta.url)) });

export * from './uclint_wasm.js';
export { default } from './uclint_wasm.js';

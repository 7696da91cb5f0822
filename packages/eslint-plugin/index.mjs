// ES modules get the very object require() gives: ESLint refuses two different plugins registered
// under one name ("Cannot redefine plugin"), which a second build loaded beside the first would be.
// createRequire, not `import` of the CommonJS file: bundlers and Node disagree on what the default
// import of a CommonJS module is.
import { createRequire } from 'node:module';

export default createRequire(import.meta.url)('./index.cjs');

'use strict';
// CommonJS users `require()` the plugin object itself, as ESLint documents for plugins; the
// compiled CommonJS module exports it as `default`.
const compiled = require('./dist/cjs/index.js');
module.exports = compiled.default;

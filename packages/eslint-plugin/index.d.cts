import plugin = require('./dist/cjs/index.js');
declare const memsafe: typeof plugin.default;
export = memsafe;

'use strict';
// The executable's loader (copied to dist/careerpath.js by the build). Node 22+ caches compiled
// code itself (module.enableCompileCache); on Node 20 the CLI bundle, and the bundles it requires
// on demand (yaml and zod for --data files), are compiled with V8 code caches made at build time,
// which skips most of the compile work at every start. A cache that is missing, stale or from
// another Node version is simply not used.
//
// Each cache starts with a line naming the Node that made it, and only that Node uses it: V8
// checks its own version, not Node's, and Node 20.19.0 (V8 11.3.244.8-node.26) took the caches
// that 20.20.2 (11.3.244.8-node.38) made, then crashed (segmentation fault) running them.
const Module = require('node:module');
const path = require('node:path');
const cli = path.join(__dirname, 'cli.js');

if (typeof Module.enableCompileCache === 'function' || process.env.CAREERPATH_NO_CODE_CACHE) {
  Module.enableCompileCache?.();
  require(cli);
} else {
  const fs = require('node:fs');
  const vm = require('node:vm');
  // Build time only: the bundles (by name) whose caches to write after a representative run,
  // when every function that run needed is compiled.
  const writeCaches = new Set((process.env.CAREERPATH_WRITE_CODE_CACHE ?? '').split(',').filter(Boolean));
  const stamp = `careerpath code cache: Node ${process.version} ${process.arch} V8 ${process.versions.v8}`;
  // Our bundles still load through require() (its module cache, and anything watching it); only
  // their compiling changes, and only for the files in this folder.
  const compileJs = Module._extensions['.js'];
  Module._extensions['.js'] = function compileWithCodeCache(mod, file) {
    if (path.dirname(file) !== __dirname) return compileJs(mod, file);
    let cachedData;
    try {
      const stamped = fs.readFileSync(`${file}.cache`);
      const end = stamped.indexOf(10);
      if (end > 0 && stamped.toString('latin1', 0, end) === stamp) cachedData = stamped.subarray(end + 1);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
    script.runInThisContext().call(mod.exports, mod.exports, (id) => mod.require(id), mod, file, __dirname);
    if (writeCaches.has(path.basename(file, '.js'))) {
      process.on('exit', () => fs.writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(`${stamp}\n`), script.createCachedData()])));
    }
  };
  require(cli);
}

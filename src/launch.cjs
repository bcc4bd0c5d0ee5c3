'use strict';
// The executable's loader (copied to dist/careerpath.js by the build). Node 22+ caches compiled
// code itself (module.enableCompileCache); on Node 20 we load the CLI bundle through a V8 code
// cache made at build time, which skips most of the compile work at every start. A cache that is
// missing, stale or from another Node version is simply not used.
const Module = require('node:module');
const path = require('node:path');
const cli = path.join(__dirname, 'cli.js');

if (typeof Module.enableCompileCache === 'function' || process.env.CAREERPATH_NO_CODE_CACHE) {
  Module.enableCompileCache?.();
  require(cli);
} else {
  const fs = require('node:fs');
  const vm = require('node:vm');
  const cacheFile = `${cli}.cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(cli, 'utf8')), { filename: cli, cachedData });
  const mod = new Module(cli, module);
  mod.filename = cli;
  mod.paths = Module._nodeModulePaths(__dirname);
  script.runInThisContext().call(mod.exports, mod.exports, (id) => mod.require(id), mod, cli, __dirname);
  // Build time only: write the cache after a representative run, when every function it needed is compiled.
  if (process.env.CAREERPATH_WRITE_CODE_CACHE === '1') {
    process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
  }
}

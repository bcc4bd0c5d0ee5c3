#!/usr/bin/env node
// Only imports the build output (`npm run build`); all code lives in src/.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/careerpath.js');

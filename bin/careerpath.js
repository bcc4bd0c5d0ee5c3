#!/usr/bin/env node
'use strict';
// Only loads the build output (`npm run build`); all code lives in src/.
require('../dist/careerpath.js');

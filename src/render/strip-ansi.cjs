// Build-time stand-in for `strip-ansi` (see emoji-regex.cjs): Node's own implementation.
const { stripVTControlCharacters } = require('node:util');
module.exports = (value) => (typeof value === 'string' ? stripVTControlCharacters(value) : value);

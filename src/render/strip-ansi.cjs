// Build-time stand-in for `strip-ansi` (see emoji-regex.cjs): Node's own implementation.
// cli-table3 calls it for every cell on every measure, almost always on plain text: a string with
// no ESC or CSI character is returned as it is, without running the escape-code regex.
const { stripVTControlCharacters } = require('node:util');
module.exports = (value) => (typeof value === 'string' && (value.includes('\u001b') || value.includes('\u009b')) ? stripVTControlCharacters(value) : value);

// Build-time stand-ins for two tiny dependencies of cli-table3's string-width, which it calls for
// every cell: `emoji-regex` compiles a multi-kilobyte pattern and `strip-ansi` builds a new RegExp
// from a string on every call. Together they were ~25 ms of a ~70 ms `plan`. One compiled
// pattern, reused (String#replace resets lastIndex), matches the same emoji for width purposes.
const EMOJI = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator}{2})(?:\uFE0F|\u200D\p{Extended_Pictographic})*/gu;
module.exports = () => EMOJI;

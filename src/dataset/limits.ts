/** Limits shared by the loader and the cache, in a module with no dependencies (the CLI bundle imports it). */

/** Dataset files above this are refused before reading: yaml needs ~150 MB of heap per MB. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

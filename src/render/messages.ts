/** Wording shared by several renderers. */

/** Said when a safety valve stopped the search (see planner/search.ts). */
export const SEARCH_CUT_SHORT = 'The search for other routes was cut short: some alternatives may be missing.';

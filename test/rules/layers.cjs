/**
 * The layer rule (dependency-cruiser), run by `npm test`: no import circles, and no arrow from a
 * lower layer up to a higher one. Lowest first:
 *   domain     the data model, its vocabulary and name matching
 *   dataset    reading, validating and layering data files
 *   planner    the graph and the route search
 *   render     turning results into strings (tables, text, Markdown, HTML, JSON)
 *   interactive  the questionnaire's pure choices and its prompts
 *   commands   one handler per command: read, resolve, plan, render, emit
 *   cli, main, entry  argument parsing and the one error boundary
 * errors.ts, package-root.ts and io/ sit beside the layers and may be used by any of them.
 * Type-only imports count too: a type from a higher layer is a dependency on it.
 * One more rule: the --json contract (zod) is imported for its types only, outside the generator.
 */
const LAYERS = ['domain', 'dataset', 'planner', 'render', 'interactive', 'commands'];

const upward = LAYERS.flatMap((layer, i) =>
  LAYERS.slice(i + 1).map((higher) => ({
    name: `no-${layer}-to-${higher}`,
    comment: `${layer} is below ${higher}: it may not import it`,
    severity: 'error',
    from: { path: `^src/${layer}/` },
    to: { path: `^src/${higher}/` },
  })),
);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import circles make the load order and the layers unclear; break the circle with a module both can import.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'no-layer-to-cli',
      comment: 'Only main and entry may import the command-line parser: it is the top.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|cli-help|main|entry)\\.ts$' },
      to: { path: '^src/(cli|cli-help|main|entry)\\.ts$' },
    },
    {
      name: 'no-side-modules-to-layers',
      comment: 'errors, package-root and io are used by every layer, so they may import none.',
      severity: 'error',
      from: { path: '^src/(errors|package-root)\\.ts$|^src/io/' },
      to: { path: '^src/(domain|dataset|planner|render|interactive|commands)/|^src/(cli|cli-help|main|entry)\\.ts$' },
    },
    {
      name: 'json-contract-types-only',
      comment:
        'The --json contract is zod schemas: renderers import its types only, so printing a document never loads zod; only the schema generator (render/output-schema.ts) uses its values.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/render/(json-contract[^/]*|output-schema)\\.ts$' },
      to: { path: '^src/render/json-contract', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/tools/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};

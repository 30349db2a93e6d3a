/** Provided by esbuild.js at build time: the bundled roadmaps, validated. See bundleFormat.ts. */
declare module 'ml-roadmaps:bundled-roadmaps' {
  const bundle: unknown;
  export default bundle;
}

/** Provided by esbuild.js at build time: what the tree's first rows need of them. See bundleFormat.ts. */
declare module 'ml-roadmaps:roadmap-outlines' {
  const outlines: unknown;
  export default outlines;
}

/** Provided by esbuild.js at build time: what the first rows need of the bundled roadmaps. See outlines.ts. */
declare module 'ml-roadmaps:roadmap-outlines' {
  const outlines: unknown;
  export default outlines;
}

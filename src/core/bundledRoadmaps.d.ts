/** Provided by esbuild.js at build time: the bundled roadmaps, validated. See bundleFormat.ts. */
declare module 'ml-roadmaps:bundled-roadmaps' {
  const bundle: unknown;
  export default bundle;
}

/**
 * The bundled roadmaps, validated at build time (esbuild.js) and compiled into the extension as
 * documents, so that showing them costs neither a file read nor a YAML parser. Pure.
 */
import { validateRoadmap } from '../model/loader';
import { formatError } from '../model/types';
import type { BundledRoadmap } from './bundleFormat';

/** Validates every bundled file; throws with every error when one is broken. */
export function compileBundle(files: readonly { name: string; text: string }[]): BundledRoadmap[] {
  const problems: string[] = [];
  const bundle: BundledRoadmap[] = [];
  for (const { name, text } of files) {
    const { document, errors } = validateRoadmap(text, { label: `roadmaps/${name}` });
    if (document) bundle.push({ file: name, document });
    else problems.push(...errors.map(formatError));
  }
  if (problems.length > 0) throw new Error(`bundled roadmaps have errors:\n${problems.join('\n')}`);
  return bundle;
}

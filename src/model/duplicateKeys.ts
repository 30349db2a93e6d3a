/**
 * Finds keys that appear twice in one YAML mapping. Pure.
 *
 * The parser can do this itself (`uniqueKeys: true`), but it compares each new key with every
 * earlier key of its mapping, so a mapping of n keys costs n² and a file under the size limit can
 * hold the editor for minutes. This is one pass over the tree with a set per mapping. Keys are
 * equal as the parser's check has them: scalars with the same value (so `1` and `"1"` differ);
 * collections and aliases as keys are never equal to another key.
 */
import { isMap, isPair, isScalar, isSeq, Node } from 'yaml';

export interface DuplicateKey {
  /** The repeated key. */
  readonly key: Node;
  /** Its first occurrence in the same mapping. */
  readonly first: Node;
}

/** Every repeated key under `root`, in the order they appear in the file. */
export function findDuplicateKeys(root: unknown): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  // An explicit stack rather than recursion: the tree's depth is the file's to choose.
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Map<unknown, Node>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        // NaN is the one value a Map finds equal to itself that `===` does not.
        if (isScalar(key) && !Number.isNaN(key.value)) {
          const first = seen.get(key.value);
          if (first) found.push({ key, first });
          else seen.set(key.value, key);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      // A single pair inside a flow sequence (`[a: 1]`) is its own one-key mapping.
      stack.push(node.key, node.value);
    }
  }
  return found.sort((a, b) => offsetOf(a.key) - offsetOf(b.key));
}

function offsetOf(node: Node): number {
  return node.range?.[0] ?? 0;
}

/** What a repeated key is told, the same for roadmaps and scaffold manifests. */
export function duplicateKeyMessage(key: Node, firstLine: number): string {
  const text = String(isScalar(key) ? key.value : key);
  return `duplicate key "${text.length > 40 ? `${text.slice(0, 40)}…` : text}" (first on line ${firstLine}); a key may appear only once in a mapping`;
}

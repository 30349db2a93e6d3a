/** Ids: kebab-case, as roadmaps and scaffolds use them. Pure. */

export const MAX_ID_LENGTH = 64;

/** A kebab-case id made from any text: "NumPy & Pandas!" → "numpy-pandas". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
}

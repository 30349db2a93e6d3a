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

/**
 * Names Windows reserves for devices, in any case and with any extension: `con`, `nul.txt`,
 * `COM1.py`. A file or folder of such a name cannot be created there (or opens the device).
 * Trailing dots and spaces are ignored by Windows, so `nul .py` counts too.
 */
export function isWindowsDeviceName(name: string): boolean {
  const stem = name.split('.')[0].replace(/[ .]+$/, '');
  return /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i.test(stem);
}

/**
 * The progress card: a small SVG of one roadmap's progress (finished, verified, pace) that a learner
 * can put in a README. Self-contained (no fonts, images or scripts to fetch), every text escaped for
 * XML. Pure.
 */

export interface ProgressCard {
  readonly roadmapTitle: string;
  readonly finished: number;
  readonly total: number;
  readonly verified: number;
  /** Planned hours per week; undefined without a plan. */
  readonly pace?: number;
  /** Local date `YYYY-MM-DD` the card was made. */
  readonly date: string;
}

/** Words on the card, translated by the caller. */
export interface CardWords {
  /** `{0} of {1} tasks`. */
  readonly finished: (finished: number, total: number) => string;
  readonly verified: (count: number) => string;
  readonly pace: (hours: number) => string;
  readonly noPlan: string;
  readonly asOf: (date: string) => string;
}

/**
 * Text as XML character data or an attribute value: the five special characters as entities, and
 * characters XML 1.0 does not allow at all (controls, lone surrogates, U+FFFE, U+FFFF) dropped,
 * since no escape makes them valid.
 */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are exactly what XML cannot hold
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!)
  );
}

const WIDTH = 420;
const HEIGHT = 120;
const BAR = { x: 20, y: 58, width: 380, height: 10 } as const;
const MAX_TITLE_CHARS = 48;

export function progressCardSvg(card: ProgressCard, words: CardWords): string {
  const share = card.total === 0 ? 0 : Math.min(1, card.finished / card.total);
  const percent = Math.floor(share * 100);
  const title = [...card.roadmapTitle].length > MAX_TITLE_CHARS ? `${[...card.roadmapTitle].slice(0, MAX_TITLE_CHARS - 1).join('')}…` : card.roadmapTitle;
  const filled = Math.round(share * BAR.width * 10) / 10;
  const facts = [words.finished(card.finished, card.total), words.verified(card.verified), card.pace === undefined ? words.noPlan : words.pace(card.pace)].join(' · ');
  const label = `${card.roadmapTitle}: ${percent}% · ${facts}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(label)}">
<title>${escapeXml(label)}</title>
<rect width="${WIDTH}" height="${HEIGHT}" rx="8" fill="#1f2328"/>
<text x="20" y="34" fill="#ffffff" font-family="sans-serif" font-size="16" font-weight="600">${escapeXml(title)}</text>
<text x="${WIDTH - 20}" y="34" fill="#ffffff" font-family="sans-serif" font-size="16" text-anchor="end">${percent}%</text>
<rect x="${BAR.x}" y="${BAR.y}" width="${BAR.width}" height="${BAR.height}" rx="5" fill="#3d444d"/>
<rect x="${BAR.x}" y="${BAR.y}" width="${filled}" height="${BAR.height}" rx="5" fill="#2da44e"/>
<text x="20" y="92" fill="#d1d9e0" font-family="sans-serif" font-size="12">${escapeXml(facts)}</text>
<text x="20" y="108" fill="#9198a1" font-family="sans-serif" font-size="11">${escapeXml(words.asOf(card.date))}</text>
</svg>
`;
}

/**
 * The table of pages. Each page declares here its view type, its own script and stylesheet, the
 * messages it accepts besides the two every page sends, and what it saves for the serializer. The
 * panel base (`panel.ts`), the panels manager (`panels.ts`) and the registration (`pageFeature.ts`)
 * read it and are shared by every page. Pure, so the validators are unit-tested.
 *
 * Adding a page: its renderer, its script (and stylesheet) in `media/`, its entry here, and its
 * `PagePanel` subclass saying what it does with the messages it accepts.
 */
import { CLASS_VIEW_TYPE, DASHBOARD_VIEW_TYPE, DETAILS_VIEW_TYPE, REVIEW_VIEW_TYPE } from '../constants';
import { isId, isRecord } from '../model/ids';
import type { Module, Roadmap } from '../model/types';
import { rootOf } from '../model/types';
import type { PageMessage, PageMessageOf, PageMessageType } from './protocol';

/** The messages every page sends: that it listens, and a link to open outside the editor. */
export type CommonMessageType = 'ready' | 'openLink';

/**
 * How a page's panels are kept: `perKey`, one panel per target (a pinned module, a roadmap's
 * dashboard); `single`, the one panel that follows the tree and shows whatever it is given.
 */
export type PanelMode = 'perKey' | 'single';

/** A check of one saved field; its type guard gives the field's type. */
type FieldCheck<T> = (value: unknown) => value is T;

export interface PageKind<Target, Saved, M extends PageMessageType = PageMessageType> {
  /** The page's name in the log, and its `<body data-view>`. */
  readonly name: string;
  readonly viewType: string;
  /** The page's script in `media/`; it runs after `page.js`, which every page shares. */
  readonly script: string;
  /** The page's stylesheet in `media/`; it follows `page.css`, which every page shares. */
  readonly style: string;
  /** The messages the page accepts besides `ready` and `openLink`; any other is dropped. */
  readonly messages: readonly M[];
  /** What a panel of this page saves so the serializer can restore it after a reload. */
  save(target: Target, mode: PanelMode): Saved;
  /** The saved state read back; untrusted (a page can save anything), so checked field by field. */
  parseSaved(state: unknown): Saved | undefined;
  /** How a restored panel is kept. */
  modeOf(saved: Saved): PanelMode;
}

/** Every page's script and stylesheet come after these, which hold what all pages share. */
export const SHARED_SCRIPT = 'page.js';
export const SHARED_STYLE = 'page.css';

/**
 * Reads only the declared fields of a saved state, each through its check; anything else in it is
 * ignored (older versions saved more). Undefined if a declared field is missing or does not pass.
 */
function savedFields<C extends Record<string, FieldCheck<unknown>>>(checks: C) {
  return (state: unknown): { [K in keyof C]: C[K] extends FieldCheck<infer T> ? T : never } | undefined => {
    if (!isRecord(state)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(checks)) {
      const value = Object.hasOwn(state, key) ? state[key] : undefined;
      if (!check(value)) return undefined;
      out[key] = value;
    }
    return out as { [K in keyof C]: C[K] extends FieldCheck<infer T> ? T : never };
  };
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

export interface SavedModulePage {
  readonly roadmapId: string;
  readonly moduleId: string;
  readonly pinned: boolean;
}

export const DETAILS_PAGE: PageKind<Module, SavedModulePage, 'setState' | 'taskAction'> = {
  name: 'details',
  viewType: DETAILS_VIEW_TYPE,
  script: 'details.js',
  style: 'details.css',
  messages: ['setState', 'taskAction'],
  save: (module, mode) => ({ roadmapId: rootOf(module).id, moduleId: module.id, pinned: mode === 'perKey' }),
  parseSaved: savedFields({ roadmapId: isId, moduleId: isId, pinned: isBoolean }),
  modeOf: (saved) => (saved.pinned ? 'perKey' : 'single'),
};

export interface SavedRoadmapPage {
  readonly roadmapId: string;
}

export const DASHBOARD_PAGE: PageKind<Roadmap, SavedRoadmapPage, 'continue'> = {
  name: 'dashboard',
  viewType: DASHBOARD_VIEW_TYPE,
  script: 'dashboard.js',
  style: 'dashboard.css',
  messages: ['continue'],
  save: (roadmap) => ({ roadmapId: roadmap.id }),
  parseSaved: savedFields({ roadmapId: isId }),
  modeOf: () => 'perKey',
};

/** A class dashboard shows the class files of one folder, named by its URI. */
export interface ClassFolder {
  readonly folder: string;
}

const MAX_FOLDER_URI = 2000;
const isFolderUri = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_FOLDER_URI && /^[a-z][a-z0-9+.-]*:/i.test(value);

export const CLASS_PAGE: PageKind<ClassFolder, ClassFolder, 'classView' | 'classCsv'> = {
  name: 'class',
  viewType: CLASS_VIEW_TYPE,
  script: 'class.js',
  style: 'class.css',
  messages: ['classView', 'classCsv'],
  save: (target) => ({ folder: target.folder }),
  parseSaved: savedFields({ folder: isFolderUri }),
  modeOf: () => 'perKey',
};

/** The Review page has one target, today's queue across every roadmap: this token stands for it. */
export const REVIEW_PAGE_TARGET = 'review' as const;
export type ReviewPageTarget = typeof REVIEW_PAGE_TARGET;

export interface SavedReviewPage {
  readonly review: true;
}

export const REVIEW_PAGE: PageKind<ReviewPageTarget, SavedReviewPage, 'rateCard' | 'undoRating' | 'openCardModule' | 'openCardNote'> = {
  name: 'review',
  viewType: REVIEW_VIEW_TYPE,
  script: 'review.js',
  style: 'review.css',
  messages: ['rateCard', 'undoRating', 'openCardModule', 'openCardNote'],
  save: () => ({ review: true }),
  parseSaved: savedFields({ review: (value: unknown): value is true => value === true }),
  modeOf: () => 'single',
};

/** The table: every page the extension shows. */
export const PAGES = [DETAILS_PAGE, DASHBOARD_PAGE, CLASS_PAGE, REVIEW_PAGE] as const;

/** Whether the message is one every page sends (`ready`, `openLink`), which the panel base handles. */
export function isCommonMessage(message: PageMessage): message is PageMessageOf<CommonMessageType> {
  return message.type === 'ready' || message.type === 'openLink';
}

/** Whether the message is one of those the page declared; any other is dropped before the page sees it. */
export function isOwnMessage<M extends PageMessageType>(kind: Pick<PageKind<never, unknown, M>, 'messages'>, message: PageMessage): message is PageMessageOf<M> {
  return (kind.messages as readonly PageMessageType[]).includes(message.type);
}

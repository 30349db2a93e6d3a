/**
 * When the second step of start-up (see extension.ts) may begin: once the view has its first rows,
 * so that nothing but the first rows runs before them; at once when the view wants what only the
 * tree has (a row expanded, or first rows that need the tree). When nobody is looking at the view
 * (the extension was activated by a command, a webview or a workspace file), the window says so by
 * not making it visible, and the rest loads after a short wait instead.
 */
import type { FirstView } from './tree/view';

/**
 * How long to wait for the view to show before going on anyway. The window reports the view's
 * visibility in the same round trip as its first request for rows, so this only needs to outlast
 * one round trip on a busy machine.
 */
const UNSEEN_VIEW_WAIT_MS = 200;
/** A view that shows but never asks for rows (a window closing) must not hold the rest back. */
const SEEN_VIEW_WAIT_MS = 2000;
/**
 * How long the window gets to draw the first rows before the rest is registered: every
 * registration is a message the window handles on the thread that draws the rows. Measured in
 * fresh windows (the bench's cold-open row), registering at once cost a third more time to the
 * first row; a command run meanwhile waits at most this long.
 */
const DRAW_FIRST_ROWS_MS = 300;

/** The performance mark set when the first rows have been answered, for profiles and the benchmark. */
export const FIRST_ROWS_MARK = 'mlRoadmaps.firstRows';
/** The performance mark set when the extension host calls `activate` (src/main.ts), likewise. */
export const ACTIVATE_MARK = 'mlRoadmaps.activate';

export function afterFirstRows(first: FirstView): Promise<void> {
  return new Promise<void>((resolve) => {
    let finished = false;
    let timer = setTimeout(finish, UNSEEN_VIEW_WAIT_MS);
    const wait = (ms: number) => {
      clearTimeout(timer);
      if (!finished) timer = setTimeout(finish, ms);
    };
    const visibility = first.view.onDidChangeVisibility((e) => e.visible && wait(SEEN_VIEW_WAIT_MS));
    void first.firstRowsDrawn.then(() => {
      performance.mark(FIRST_ROWS_MARK);
      wait(DRAW_FIRST_ROWS_MS);
    });
    void first.treeWanted.then(finish);
    function finish(): void {
      finished = true;
      visibility.dispose();
      resolve();
    }
  });
}

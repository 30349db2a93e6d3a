/**
 * When the rest of the extension may load (see index.ts): once the view has its first rows, so
 * that nothing but the first rows runs before them; at once when the view wants what only the
 * tree has (a row expanded, or first rows that need the tree). When nobody is looking at the view
 * (the extension was activated by a command, a webview or a workspace file), the window says so by
 * not making it visible, and the rest loads after a short wait instead.
 */
import type * as vscode from 'vscode';
import type { ProvisionalRows } from '../tree/view';
import { FIRST_ROWS_MARK } from './marks';

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

/** The first rows as the view takes them, and when the rest is due. */
export class HandOver implements ProvisionalRows {
  private markDrawn!: () => void;
  private readonly firstRowsDrawn = new Promise<void>((resolve) => (this.markDrawn = resolve));
  private markWanted!: () => void;
  private readonly treeWanted = new Promise<void>((resolve) => (this.markWanted = resolve));

  constructor(readonly items: Promise<readonly vscode.TreeItem[] | undefined>) {}

  drawn(): void {
    this.markDrawn();
  }

  wanted(): void {
    this.markWanted();
  }

  /** Resolves when the rest of the extension should load into `view`. */
  due(view: vscode.TreeView<unknown>): Promise<void> {
    return new Promise<void>((resolve) => {
      let finished = false;
      let timer = setTimeout(finish, UNSEEN_VIEW_WAIT_MS);
      const wait = (ms: number) => {
        clearTimeout(timer);
        if (!finished) timer = setTimeout(finish, ms);
      };
      const visibility = view.onDidChangeVisibility((e) => e.visible && wait(SEEN_VIEW_WAIT_MS));
      void this.firstRowsDrawn.then(() => {
        performance.mark(FIRST_ROWS_MARK);
        wait(DRAW_FIRST_ROWS_MS);
      });
      void this.treeWanted.then(finish);
      function finish(): void {
        finished = true;
        visibility.dispose();
        resolve();
      }
    });
  }
}

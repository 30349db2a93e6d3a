/**
 * Keeps verified evidence bound to the code it was verified on: when a Python file in a project
 * folder is saved (debounced per task, so Save All and autosave hash once), and once a little
 * after start-up (for edits made while the editor was closed), the project's code is hashed again
 * (`codeHash.ts`) and compared with the hash the evidence recorded. Different in every linked
 * folder: the evidence is stale; the same again in one (an edit undone): it is current again.
 * Evidence without a hash (older records) is left alone: there is nothing to compare.
 */
import * as vscode from 'vscode';
import { isInside } from '../scaffold/plan';
import type { CheckStore } from '../storage/checkStore';
import { Disposable } from '../util/disposable';
import type { Log } from '../util/log';
import { hashProjectCode } from './codeHash';
import type { ChecksController } from './controller';

/** Saves come in bursts (Save All, autosave): hash once they settle. */
const SAVE_DELAY_MS = 500;
/** Start-up has better things to do first; nothing waits for this. */
const STARTUP_DELAY_MS = 3000;

export class EvidenceWatcher extends Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** One comparison at a time per task, in order. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly controller: ChecksController,
    private readonly store: CheckStore,
    private readonly log: Log,
  ) {
    super();
    this.register(vscode.workspace.onDidSaveTextDocument((document) => void this.saved(document.uri)));
    const startup = setTimeout(() => {
      for (const key of this.boundKeys()) this.schedule(key, 0);
    }, STARTUP_DELAY_MS);
    this.register({
      dispose: () => {
        clearTimeout(startup);
        for (const timer of this.timers.values()) clearTimeout(timer);
        this.timers.clear();
      },
    });
  }

  /** Compares a task's evidence with its code now, after any comparison of it still going. */
  private check(key: string): Promise<void> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.compare(key)).catch((error: unknown) => this.log.warn(`Checks: could not compare the code of ${key} with its evidence: ${String(error)}`));
    this.queues.set(key, next);
    return next;
  }

  /** Tasks whose evidence records a hash. */
  private boundKeys(): string[] {
    return [...this.store.all()].filter(([, record]) => record.verified?.codeHash !== undefined).map(([key]) => key);
  }

  private async saved(uri: vscode.Uri): Promise<void> {
    // Only Python files are hashed: saving a notebook or a CSV changes nothing.
    if (!uri.path.endsWith('.py')) return;
    const keys = new Set(this.boundKeys());
    if (keys.size === 0) return;
    for (const project of await this.controller.projectsNow()) {
      if (keys.has(project.key) && project.folder.scheme === uri.scheme && isInside(project.folder.path, uri.path)) this.schedule(project.key, SAVE_DELAY_MS);
    }
  }

  private schedule(key: string, delayMs: number): void {
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(key);
      }, delayMs),
    );
  }

  private async compare(key: string): Promise<void> {
    const recorded = this.store.get(key)?.verified?.codeHash;
    if (recorded === undefined) return;
    const folders = (await this.controller.projectsNow()).filter((p) => p.key === key && p.folder.scheme === 'file').map((p) => p.folder);
    let hashed = 0;
    let same = false;
    for (const folder of folders) {
      const code = await hashProjectCode(folder.fsPath);
      if (!('hash' in code)) continue;
      hashed++;
      if (code.hash === recorded) same = true;
    }
    // No folder of the task could be hashed here (another machine's evidence): nothing to say.
    if (hashed === 0) return;
    // A run may have recorded new evidence meanwhile: it is compared on its own turn.
    if (this.store.get(key)?.verified?.codeHash !== recorded) return;
    await this.store.setCodeChanged(key, !same);
  }
}

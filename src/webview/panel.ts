/**
 * What every page's panel shares: locked-down webview options, a fresh nonce per render, the page's
 * own script and stylesheet after the shared ones, the ready handshake (nothing is posted to a page
 * before its script says it listens), typed messages out, and every message in checked, then
 * accepted only if the page's entry in `pages.ts` names it. Details and dashboard extend `PagePanel`.
 */
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { Disposable } from '../util/disposable';
import { jsonPreview } from '../util/jsonPreview';
import { PageAssets } from './page';
import { CommonMessageType, isCommonMessage, isOwnMessage, PageKind, PanelMode, SHARED_SCRIPT, SHARED_STYLE } from './pages';
import { ExtensionMessage, PageMessage, PageMessageOf, PageMessageType, parsePageMessage } from './protocol';

/** What a page needs from the extension to show itself and report problems. */
export interface PageHost {
  readonly extensionUri: vscode.Uri;
  readonly log: Log;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    retainContextWhenHidden: false,
    enableFindWidget: true,
  };
}

export function createWebviewPanel(viewType: string, title: string, extensionUri: vscode.Uri, show: { viewColumn: vscode.ViewColumn; preserveFocus?: boolean }): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, show, webviewOptions(extensionUri));
}

/** A panel showing one target (a module, a roadmap) as a page of one kind. */
export abstract class PagePanel<Target, M extends PageMessageType> extends Disposable {
  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposeEmitter.event;
  /** Whether the page's script has said it listens since the last render. */
  private listening = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly kind: PageKind<Target, unknown, M>,
    protected readonly host: PageHost,
    public target: Target,
    public mode: PanelMode,
  ) {
    super();
    // A revived panel comes with the options it was saved with; ours may have changed since.
    panel.webview.options = webviewOptions(host.extensionUri);
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(panel.webview.onDidReceiveMessage((raw) => this.receive(raw)));
  }

  override dispose(): void {
    this.disposeEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }

  /** Shows another target, or the same one again, and brings the panel forward. */
  show(target: Target, preserveFocus: boolean): void {
    if (target !== this.target) {
      this.target = target;
      this.render();
    }
    this.panel.reveal(undefined, preserveFocus);
  }

  /** Draws the page again from its target (after a change, a reload, a pin). */
  abstract render(): void;

  /** Replaces the page's HTML; the new page says when it is ready for messages. */
  protected setHtml(html: (assets: PageAssets) => string): void {
    this.listening = false;
    this.panel.webview.html = html(this.assets());
  }

  /** Posts to the page once it listens; before that the page gets everything in `pageReady`. */
  protected async post(message: ExtensionMessage): Promise<boolean> {
    return this.listening ? this.panel.webview.postMessage(message) : false;
  }

  /** The page (re)loaded and listens: bring it up to date. */
  protected abstract pageReady(): Promise<void>;

  /** Whether the page, as it is now, offers what the message asks (a task it shows, an action it offered). */
  protected abstract offers(message: PageMessageOf<M>): boolean;

  protected abstract handle(message: PageMessageOf<M>): Promise<void>;

  /**
   * Every message from the page: checked against the protocol, then taken only if every page sends
   * it or this page declared it and offers what it asks. A failure is logged, never thrown.
   */
  private async receive(raw: unknown): Promise<void> {
    const message = parsePageMessage(raw);
    if (message && isCommonMessage(message)) await this.logFailure(message, () => this.common(message));
    else if (message && isOwnMessage(this.kind, message) && this.offers(message)) await this.logFailure(message, () => this.handle(message));
    else this.host.log.warn(`Dropped a message from the ${this.kind.name} page that is not valid here: ${jsonPreview(raw)}`);
  }

  private async common(message: PageMessageOf<CommonMessageType>): Promise<void> {
    if (message.type === 'ready') {
      this.listening = true;
      await this.pageReady();
    } else {
      await vscode.env.openExternal(vscode.Uri.parse(message.href, true));
    }
  }

  private async logFailure(message: PageMessage, act: () => Promise<void>): Promise<void> {
    try {
      await act();
    } catch (error) {
      this.host.log.error(`The ${this.kind.name} page's ${message.type} message failed: ${(error as Error).message}`);
    }
  }

  /** The shared and the page's own script and stylesheet as webview URIs, and a fresh nonce for this render. */
  private assets(): PageAssets {
    const { webview } = this.panel;
    const uri = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, 'media', file)).toString();
    return {
      cspSource: webview.cspSource,
      // Web Crypto, so the same code runs in VS Code for the Web.
      nonce: Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join(''),
      scriptUris: [uri(SHARED_SCRIPT), uri(this.kind.script)],
      styleUris: [uri(SHARED_STYLE), uri(this.kind.style)],
      saved: JSON.stringify(this.kind.save(this.target, this.mode)),
    };
  }
}

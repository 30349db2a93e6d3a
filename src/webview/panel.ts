/**
 * What every page's panel shares: locked-down webview options, a fresh nonce per render, the ready
 * handshake (nothing is posted to a page before its script says it listens), typed messages out,
 * and every message in checked before a page acts on it. Details and dashboard extend `WebviewPage`.
 */
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { Disposable } from '../util/disposable';
import { jsonPreview } from '../util/jsonPreview';
import { PageAssets } from './page';
import { ExtensionMessage, PageMessage, parsePageMessage } from './protocol';

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

export abstract class WebviewPage extends Disposable {
  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposeEmitter.event;
  /** Whether the page's script has said it listens since the last render. */
  private listening = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    protected readonly host: PageHost,
    /** The page's name in the log. */
    private readonly pageName: string,
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

  /** Replaces the page's HTML; the new page says when it is ready for messages. */
  protected setHtml(html: (assets: PageAssets) => string): void {
    this.listening = false;
    this.panel.webview.html = html(pageAssets(this.panel.webview, this.host.extensionUri));
  }

  /** Posts to the page once it listens; before that the page gets everything in `pageReady`. */
  protected async post(message: ExtensionMessage): Promise<boolean> {
    return this.listening ? this.panel.webview.postMessage(message) : false;
  }

  /** The page (re)loaded and listens: bring it up to date. */
  protected abstract pageReady(): Promise<void>;

  /** Whether the page, as it is now, offers what the message asks (a task it shows, an action it offered). */
  protected abstract offers(message: PageMessage): boolean;

  protected abstract handle(message: PageMessage): Promise<void>;

  /** Every message from the page: checked, then handled; a failure is logged, never thrown. */
  private async receive(raw: unknown): Promise<void> {
    const message = parsePageMessage(raw);
    if (!message || !this.offers(message)) {
      this.host.log.warn(`Dropped a message from the ${this.pageName} page that is not valid here: ${jsonPreview(raw)}`);
      return;
    }
    try {
      if (message.type === 'ready') {
        this.listening = true;
        await this.pageReady();
      } else if (message.type === 'openLink') {
        await vscode.env.openExternal(vscode.Uri.parse(message.href, true));
      } else {
        await this.handle(message);
      }
    } catch (error) {
      this.host.log.error(`The ${this.pageName} page's ${message.type} message failed: ${(error as Error).message}`);
    }
  }
}

/** The page's script and stylesheet as webview URIs, and a fresh nonce for this render. */
function pageAssets(webview: vscode.Webview, extensionUri: vscode.Uri): PageAssets {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  return {
    cspSource: webview.cspSource,
    // Web Crypto, so the same code runs in VS Code for the Web.
    nonce: Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join(''),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'details.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'details.css')).toString(),
  };
}

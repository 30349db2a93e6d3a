/**
 * Services of a test's own, over the extension's bundled roadmaps and in-memory storage: for what
 * VS Code does only at moments a test cannot bring about (reviving a page after a reload) or
 * shows only where a test cannot read it (the Explorer's decorations). Node only.
 */
import * as vscode from 'vscode';
import { nodePlatform } from '../../src/platform/node';
import { createFirstServices } from '../../src/startup/services';
import { createServices, Services } from '../../src/services';
import { InMemoryMemento } from '../unit/helpers';
import { EXTENSION_ID } from './helpers';

export interface OwnServices {
  readonly services: Services;
  readonly extensionUri: vscode.Uri;
  dispose(): void;
}

export function ownServices(): OwnServices {
  const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
  const subscriptions: { dispose(): unknown }[] = [];
  const globalState = Object.assign(new InMemoryMemento(), { setKeysForSync: () => undefined, keys: () => [] });
  const context = { extensionUri, subscriptions, globalState, workspaceState: new InMemoryMemento() };
  // Only the members the services read: a whole ExtensionContext is VS Code's to make.
  const own = context as unknown as vscode.ExtensionContext;
  const services = createServices(own, nodePlatform, createFirstServices(own));
  return { services, extensionUri, dispose: () => subscriptions.forEach((s) => void s.dispose()) };
}

import * as vscode from 'vscode';
import { createServices, Services } from './services';
import { registerTree, RoadmapTree } from './tree';

/** What `activate` returns: the integration tests drive the extension through it. */
export interface MlRoadmapsApi {
  readonly services: Services;
  readonly tree: RoadmapTree;
}

export function activate(context: vscode.ExtensionContext): MlRoadmapsApi {
  const services = createServices(context);
  const tree = registerTree(context, services);
  return { services, tree };
}

export function deactivate(): void {}

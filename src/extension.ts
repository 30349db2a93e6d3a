/**
 * The extension in a Node extension host (VS Code Desktop, VS Code Server, Codespaces): the
 * features every host runs (features.ts), and the checks, which run Python.
 */
import * as vscode from 'vscode';
import { ChecksFeature, registerChecks } from './checks';
import { Features, registerFeatures } from './features';
import { nodePlatform } from './platform/node';
import { createServices } from './services';

/** What `activate` returns: the integration tests drive the extension through it. */
export interface MlRoadmapsApi extends Features {
  readonly checks: ChecksFeature;
  readonly globalState: vscode.Memento;
  readonly workspaceState: vscode.Memento;
}

export function activate(context: vscode.ExtensionContext): MlRoadmapsApi {
  const services = createServices(context, nodePlatform);
  const features = registerFeatures(context, services);
  const checks = registerChecks(context, services, features.tree, features.links, features.scaffolds);
  return { ...features, checks, globalState: context.globalState, workspaceState: context.workspaceState };
}

export function deactivate(): void {}

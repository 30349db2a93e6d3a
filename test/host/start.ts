import * as fs from 'fs';
import * as path from 'path';
import { starterRoadmap } from '../../src/ownRoadmaps/starter';
import { cacheRoot } from './codeServer';
import { defaultExtensionPath, startWorkbench } from './workbench';

/**
 * `npm start`: serves the extension under development in VS Code Server for a person's
 * browser. The user-data folder (settings, globalStorageUri and storageUri files) is kept in the cache folder.
 * Mementos (globalState, workspaceState) are kept by the web workbench in the browser's
 * IndexedDB for this origin: they survive restarts in the same browser on the same port.
 */
async function main(): Promise<void> {
  const extensionDevelopmentPath = defaultExtensionPath();
  warnIfNotBuilt(extensionDevelopmentPath);
  const workspaceFolder = path.resolve(process.argv[2] ?? demoWorkspace());
  const preferredPort = Number(process.env.PORT) || 8080;

  const workbench = await startWorkbench({
    extensionDevelopmentPath,
    workspaceFolder,
    userDataDir: path.join(cacheRoot(), 'user-data'),
    extensionsDir: path.join(cacheRoot(), 'extensions'),
    port: preferredPort,
  });
  if (workbench.port !== preferredPort) {
    console.log(`Port ${preferredPort} is busy; using ${workbench.port}.`);
  }
  console.log(`VS Code with ${path.basename(extensionDevelopmentPath)} is running. Open:\n\n  ${workbench.url}\n`);
  console.log(`Workspace: ${workspaceFolder}`);
  console.log('Press Ctrl-C to stop.');

  // Ctrl-C exits through workbench.ts's handlers, which kill the server's process group; here only a crash.
  const code = await workbench.exited;
  console.error(`code-server exited (code ${code}).\n${workbench.serverOutput().split('\n').slice(-30).join('\n')}`);
  await workbench.stop();
  process.exit(code ?? 1);
}

/**
 * The folder `npm start` opens when given none: it holds a roadmap of its own, which shows the
 * ML Roadmaps view on first start and gives something to edit.
 */
function demoWorkspace(): string {
  const folder = path.join(cacheRoot(), 'demo-workspace');
  const roadmap = path.join(folder, '.vscode', 'roadmaps', 'my-study-plan.roadmap.yaml');
  if (!fs.existsSync(roadmap)) {
    fs.mkdirSync(path.dirname(roadmap), { recursive: true });
    fs.writeFileSync(roadmap, starterRoadmap('my-study-plan', 'My Study Plan'));
  }
  return folder;
}

function warnIfNotBuilt(extensionPath: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as { main?: string };
  if (manifest.main && !fs.existsSync(path.resolve(extensionPath, manifest.main))) {
    console.warn(`Warning: ${manifest.main} does not exist yet; build the extension first (npm run build).`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

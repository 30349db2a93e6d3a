/**
 * Row 8's floor: our manifest and the very rows our tree first shows (same labels, descriptions,
 * icons, menu context, view options), served by a provider that computes nothing. What a fresh
 * window takes to open it is the window's own work for our view — its title actions, five rows
 * and their inline actions — which no change to our code can remove; what our extension takes
 * beyond it is our code's.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TREE_VIEW_ID, TREE_VIEW_OPTIONS, TreeItemContext } from '../../src/constants';
import { isBundle } from '../../src/core/bundleFormat';
import { buildRoadmap } from '../../src/model/document';
import { countTasks, finished, formatCounts } from '../../src/model/progress';
import { tasksOf } from '../../src/model/types';

/** The row a roadmap gets before any progress, as RoadmapTreeProvider draws it; run.ts compares the two windows' first rows. */
interface StaticRow {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly accessibility: string;
}

/** Writes the floor extension into `folder` from the snapshot of ours at `extension`; returns `folder`. */
export function writeRowsAlone(extension: string, folder: string): string {
  for (const entry of ['package.json', 'package.nls.json', 'l10n', 'media']) fs.cpSync(path.join(extension, entry), path.join(folder, entry), { recursive: true });
  const bundle: unknown = JSON.parse(fs.readFileSync(path.join(extension, 'dist', 'roadmaps.json'), 'utf8'));
  if (!isBundle(bundle)) throw new Error(`${extension}/dist/roadmaps.json is not a compiled bundle`);
  const rows: StaticRow[] = bundle.map(({ file, document }) => {
    const roadmap = buildRoadmap(document, { label: file, location: file, bundled: true });
    const counts = countTasks(tasksOf(roadmap), () => 'notStarted');
    return { id: roadmap.id, label: roadmap.title, description: formatCounts(counts), accessibility: `${roadmap.title}, ${finished(counts)} of ${counts.total} finished` };
  });
  fs.mkdirSync(path.join(folder, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'dist', 'extension.js'), floorExtension(rows));
  return folder;
}

function floorExtension(rows: readonly StaticRow[]): string {
  return `// Our manifest's view with our first rows, and no code behind them (test/bench/rowsAlone.ts).
const vscode = require('vscode');
const rows = ${JSON.stringify(rows)};
exports.activate = (context) => {
  const provider = {
    getChildren: (row) => (row ? [] : rows),
    getTreeItem(row) {
      const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = row.id;
      item.description = row.description;
      item.contextValue = ${JSON.stringify(TreeItemContext.roadmap)};
      item.iconPath = new vscode.ThemeIcon('map');
      item.accessibilityInformation = { label: row.accessibility };
      return item;
    },
  };
  const dragAndDropController = { dropMimeTypes: ['text/uri-list'], dragMimeTypes: [], handleDrop() {} };
  context.subscriptions.push(
    vscode.window.createTreeView(${JSON.stringify(TREE_VIEW_ID)}, { ...${JSON.stringify(TREE_VIEW_OPTIONS)}, treeDataProvider: provider, dragAndDropController }),
  );
};
exports.deactivate = () => {};
`;
}

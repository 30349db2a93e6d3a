// The reference the benchmark measures against: the least an extension can do to show a tree.
// Items are built on demand with a checkbox, a codicon and a description, like ours.
const vscode = require('vscode');

/** Nodes are `{ path: [1, 4, …] }`; a node at depth d has `counts[d]` children (the root: counts[0]). */
function createProvider(counts) {
  const changed = new vscode.EventEmitter();
  return {
    onDidChangeTreeData: changed.event,
    refresh: () => changed.fire(undefined),
    getChildren(node) {
      // The benchmark times activation to this moment (the extension under test sets its own mark).
      if (!node && performance.getEntriesByName('mlrBenchRef.firstRows').length === 0) performance.mark('mlrBenchRef.firstRows');
      const depth = node ? node.path.length : 0;
      const n = depth < counts.length ? counts[depth] : 0;
      return Array.from({ length: n }, (_, i) => ({ path: node ? [...node.path, i + 1] : [i + 1] }));
    },
    getTreeItem(node) {
      const label = `Reference ${node.path.join('.')}`;
      const leaf = node.path.length >= counts.length;
      const item = new vscode.TreeItem(label, leaf ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = label;
      item.description = '0/10 · 0%';
      item.iconPath = new vscode.ThemeIcon('book');
      item.checkboxState = vscode.TreeItemCheckboxState.Unchecked;
      item.accessibilityInformation = { label: `${label}, reference` };
      return item;
    },
  };
}

function activate(context) {
  performance.mark('mlrBenchRef.activate');
  // One root row with 100 children of 10 children each: the shape of one roadmap of the
  // benchmark's 100,000-task roadmap at its top two levels (100 phases of 10 modules).
  const provider = createProvider([1, 100, 10]);
  const view = vscode.window.createTreeView('mlrBenchRef.tree', { treeDataProvider: provider, showCollapseAll: true, manageCheckboxStateManually: true });
  context.subscriptions.push(view);
  return { provider };
}

module.exports = { activate, deactivate() {} };

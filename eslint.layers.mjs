// The layers of the extension's source, lowest first, and the lint rule that holds them.
//
// A file may import from its own layer and from the layers below it, never from a layer above:
//
//   base      util/, constants.ts      helpers and names every layer uses; no project imports
//   model     model/                   pure vocabulary: roadmaps, progress roll-ups, estimates and
//                                      the study planner (model/plan/); no `vscode`, no storage
//   storage   storage/                 what is kept in VS Code's Mementos, read and written safely
//   core      core/                    live state over the model and storage: the roadmap
//                                      registry and catalog, the progress tracker, the study plans
//   platform  platform/                what differs between the Node and the web extension host
//   services  services.ts, webview/
//                                      the services every feature receives, and the page plumbing
//                                      the webview features share
//   features  tree/, details/, dashboard/, plan/, links/, notes/, search/, transfer/,
//             scaffold/, checks/, ownRoadmaps/, unavailable/, review/
//                                      what the user sees and the commands; a feature may use
//                                      another one (the tree, the details page) as long as no
//                                      folder cycle appears (test/unit/layers.test.ts checks that)
//   entry     startup/, extension.ts, extension.web.ts, features.ts, api.ts
//                                      activation (start-up's first rows, then the rest), the
//                                      order features start in, the public API
//
// `npm run lint` reports an import that runs upward, and a folder or top-level file of `src/`
// placed in no layer (so a new one is placed on purpose). Every import in `src/` is relative, so
// ESLint's own `no-restricted-imports` can tell the layer from the path: no plugin, no resolver.

/** Each layer's folders (`name/`) and top-level files (`name.ts`), lowest layer first. */
export const LAYERS = [
  { name: 'base', members: ['util/', 'constants.ts'] },
  { name: 'model', members: ['model/'] },
  { name: 'storage', members: ['storage/'] },
  { name: 'core', members: ['core/'] },
  { name: 'platform', members: ['platform/'] },
  { name: 'services', members: ['services.ts', 'webview/'] },
  {
    name: 'features',
    members: ['tree/', 'details/', 'dashboard/', 'plan/', 'links/', 'notes/', 'search/', 'transfer/', 'scaffold/', 'checks/', 'ownRoadmaps/', 'unavailable/', 'classroom/', 'review/'],
  },
  { name: 'entry', members: ['startup/', 'extension.ts', 'extension.web.ts', 'features.ts', 'api.ts'] },
];

/** Files nested deeper than this below a top-level folder of `src/` are not expected. */
const MAX_DEPTH = 4;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** What an import of `member` looks like after the way up to `src/`: `core`, `core/x`, `api`, `api.ts`. */
const memberPattern = (member) => (member.endsWith('/') ? `${escape(member.slice(0, -1))}(?:/.*)?` : `${escape(member.replace(/\.ts$/, ''))}(?:\\.ts)?`);
/** Files of a member, at `depth` folders below `src/` (0: a top-level file). */
function filesOf(root, member, depth) {
  if (!member.endsWith('/')) return depth === 0 ? [`${root}/${member}`] : [];
  return depth === 0 ? [] : [`${root}/${member}${'*/'.repeat(depth - 1)}*.ts`];
}

/**
 * Flat-config blocks that make an upward import an error, for the source under `root` (a path
 * relative to the config, `src` for the extension). A file `depth` folders below `root` reaches
 * `root` with `depth` times `../` (`./` for a top-level file), so an import that climbs exactly that
 * far and then names a member of a higher layer is upward.
 */
export function layerRules(root = 'src') {
  const blocks = [];
  LAYERS.forEach((layer, index) => {
    const above = LAYERS.slice(index + 1);
    if (above.length === 0) return;
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      const files = layer.members.flatMap((member) => filesOf(root, member, depth));
      if (files.length === 0) continue;
      const up = depth === 0 ? '\\./' : '(?:\\.\\./)'.repeat(depth);
      blocks.push({
        files,
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: above.map((higher) => ({
                regex: `^${up}(?:${higher.members.map(memberPattern).join('|')})$`,
                message: `Layers import only downward: ${layer.name} may not import from ${higher.name} (the layers are listed in eslint.layers.mjs).`,
              })),
            },
          ],
        },
      });
    }
  });
  return blocks;
}

/** Every folder and top-level `.ts` file of `root` that no layer names (readdir-based, for the lint and the test). */
export function unplaced(entries) {
  const placed = new Set(LAYERS.flatMap((layer) => layer.members));
  return entries.filter((entry) => !placed.has(entry) && !entry.endsWith('.d.ts'));
}

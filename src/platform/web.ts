import type { Platform } from '.';

/** The web worker extension host of VS Code for the Web: no Node, no shell, no home folder. */
export const webPlatform: Platform = {
  kind: 'web',
  homeFolder: () => undefined,
};

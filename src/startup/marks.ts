/** Performance marks set during start-up, for CPU profiles and the benchmark (test/bench/host.ts). */

/** Set when the extension host calls `activate` (main.ts). */
export const ACTIVATE_MARK = 'mlRoadmaps.activate';
/** Set when the view's first rows have been answered (handOver.ts). */
export const FIRST_ROWS_MARK = 'mlRoadmaps.firstRows';

/**
 * Row 9, classes: a class of 1,000 learners on the 24-week roadmap, their class files on disk.
 * Reading and aggregating them all from a cold start (the first run in this process, files read
 * as the dashboard reads them: listed, each read and parsed); reading one changed file again and
 * re-aggregating; the rows of the first paint; and the heap the aggregate holds.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runInNewContext } from 'vm';
import { setFlagsFromString } from 'v8';
import { loadRoadmap } from '../../src/model/loader';
import { ClassAggregate, ClassRoadmapShape, shapeOf } from '../../src/model/classroom/aggregate';
import { parseClassFile } from '../../src/model/classroom/classFile';
import { viewRows } from '../../src/model/classroom/table';
import { learnerText } from '../classFixtures';
import { atMost, median, Row, timeRuns } from './report';

const LEARNERS = 1000;
const RUNS = 21;
const BUDGET = { readMs: 1000, changeMs: 100, memoryMB: 200 } as const;
/** The rows the page asks for first. */
const FIRST_ROWS = 50;

async function readAll(dir: string, shape: ClassRoadmapShape): Promise<ClassAggregate> {
  const aggregate = new ClassAggregate([shape]);
  const names = (await fs.promises.readdir(dir)).filter((name) => name.endsWith('.json'));
  await Promise.all(
    names.map(async (name) => {
      const parsed = parseClassFile(await fs.promises.readFile(path.join(dir, name), 'utf8'), `class/${name}`);
      if (parsed.file) aggregate.set(`class/${name}`, parsed.file);
      else aggregate.setBad(`class/${name}`, parsed.reason);
    }),
  );
  return aggregate;
}

/** The collector, callable: the bench runs without --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export async function classRows(roadmapsDir: string, scratch: string): Promise<Row[]> {
  const roadmap = loadRoadmap(fs.readFileSync(path.join(roadmapsDir, 'master-24-week.yaml'), 'utf8'), { label: 'master-24-week.yaml', location: 'master-24-week.yaml', bundled: true }).roadmap!;
  const shape = shapeOf(roadmap);
  const tasks = shape.phases.reduce((n, p) => n + p.taskIds.length, 0);
  const dir = path.join(scratch, 'class');
  fs.mkdirSync(dir, { recursive: true });
  const now = Date.now();
  for (let n = 0; n < LEARNERS; n++) fs.writeFileSync(path.join(dir, `learner-${n}.json`), learnerText(shape, n, now));
  const bytes = fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);

  const gc = collector();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const coldStart = performance.now();
  const aggregate = await readAll(dir, shape);
  const coldMs = performance.now() - coldStart;
  gc();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  if (aggregate.rows(shape.id).length !== LEARNERS) throw new Error(`class bench: ${aggregate.badFiles().length} file(s) not read`);
  const warm = await timeRuns(5, 1, () => readAll(dir, shape));

  // One learner pushes a change: that file alone is read again, then the page's first rows and the stuck tasks.
  const changed = path.join(dir, 'learner-500.json');
  const change = await timeRuns(RUNS, 3, async (run) => {
    fs.writeFileSync(changed, learnerText(shape, 500 + (run & 1), now, 'learner-500'));
    const parsed = parseClassFile(await fs.promises.readFile(changed, 'utf8'), 'class/learner-500.json');
    aggregate.set('class/learner-500.json', parsed.file!);
    return [aggregate.stuck(shape.id, now), viewRows(aggregate.rows(shape.id), { sort: 'done', descending: true, filter: '' }, shape).slice(0, FIRST_ROWS)];
  });
  const firstRows = await timeRuns(RUNS, 3, () => viewRows(aggregate.rows(shape.id), { sort: 'activity', descending: true, filter: 'learner-1' }, shape).slice(0, FIRST_ROWS));

  const what = `${LEARNERS.toLocaleString('en')} learners × ${tasks} tasks (${(bytes / 1024 / 1024).toFixed(1)} MB)`;
  return [
    { group: '9 class', what: `${what}: read and aggregate, cold start (warm median ${median(warm).toFixed(0)} ms)`, n: 1, ours: coldMs, budget: atMost(coldMs, BUDGET.readMs, ' ms') },
    { group: '9 class', what: 'one file changed: read again, re-aggregate, stuck tasks, first 50 rows', n: RUNS, ours: median(change), budget: atMost(median(change), BUDGET.changeMs, ' ms') },
    { group: '9 class', what: 'first 50 rows, filtered and sorted, for the page', n: RUNS, ours: median(firstRows) },
    { group: '9 class', what: 'heap held by the aggregate and its rows', ours: `${heapMB.toFixed(1)} MB`, budget: atMost(heapMB, BUDGET.memoryMB, ' MB') },
  ];
}

/**
 * The argument that makes Create Starter Project scriptable, from a keybinding, a task or another
 * extension: `{ task, scaffold, name, location, keepExisting }`, every field optional (what is
 * left out is asked as usual). Read and checked here like any other input. Pure.
 */
import { isId, isRecord, parseTaskKey } from '../model/ids';

export interface StarterOptions<Location> {
  /** The task's key, `<roadmap id>/<task id>`. */
  readonly task?: { readonly roadmapId: string; readonly taskId: string };
  /** The scaffold's id (its folder under `roadmaps/scaffolds/`). */
  readonly scaffold?: string;
  /** The project's name. */
  readonly name?: string;
  /** The folder to create it in. */
  readonly location?: Location;
  /** When files are already there: true keeps them and writes the others, false writes nothing. */
  readonly keepExisting?: boolean;
}

const FIELDS = ['task', 'scaffold', 'name', 'location', 'keepExisting'];

/** Whether a command argument is meant as options: a plain object, not a clicked tree element (those have an id). */
export function isStarterOptions(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && Object.getPrototypeOf(value) === Object.prototype && !('id' in value);
}

/**
 * The options, or what is wrong with them. `readLocation` turns the `location` field into a
 * folder (a URI string or a Uri); undefined when it cannot.
 */
export function readStarterOptions<Location>(value: unknown, readLocation: (value: unknown) => Location | undefined): { options: StarterOptions<Location> } | { error: string } {
  if (!isRecord(value)) return { error: 'the argument must be an object: { task, scaffold, name, location, keepExisting }' };
  const unknown = Object.keys(value).filter((k) => !FIELDS.includes(k));
  if (unknown.length > 0) return { error: `unknown field(s) ${unknown.map((k) => `"${k}"`).join(', ')}; the fields are ${FIELDS.join(', ')}` };
  const { task, scaffold, name, location, keepExisting } = value;
  const parsedTask = task === undefined ? undefined : typeof task === 'string' ? parseTaskKey(task) : undefined;
  if (task !== undefined && !parsedTask) return { error: `"task" must be a task key "<roadmap id>/<task id>", not ${JSON.stringify(task)}` };
  if (scaffold !== undefined && !isId(scaffold)) return { error: `"scaffold" must be a scaffold id (kebab-case), not ${JSON.stringify(scaffold)}` };
  if (name !== undefined && typeof name !== 'string') return { error: `"name" must be a string, not ${JSON.stringify(name)}` };
  const folder = location === undefined ? undefined : readLocation(location);
  if (location !== undefined && folder === undefined) return { error: `"location" must be a folder's URI, not ${JSON.stringify(location)}` };
  if (keepExisting !== undefined && typeof keepExisting !== 'boolean') return { error: `"keepExisting" must be true or false, not ${JSON.stringify(keepExisting)}` };
  return {
    options: {
      ...(parsedTask ? { task: parsedTask } : {}),
      ...(scaffold !== undefined ? { scaffold } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(folder !== undefined ? { location: folder } : {}),
      ...(keepExisting !== undefined ? { keepExisting } : {}),
    },
  };
}

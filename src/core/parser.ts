/**
 * Parses and validates roadmap files off the extension host's thread: in a worker when the build
 * has one (`dist/parseWorker.js`), else here (running from sources, or where Node's workers do not
 * exist, as in VS Code for the Web: the web entry passes no worker script). Every file a workspace
 * brings, and every pause in typing in an open roadmap, goes through here.
 */
import type { Worker } from 'worker_threads';
import type { RoadmapDocument } from '../model/document';
import type { RoadmapError } from '../model/types';

export interface ParseRequest {
  readonly id: number;
  readonly text: string;
  readonly label: string;
}

export interface ParseResponse {
  readonly id: number;
  readonly document?: RoadmapDocument;
  readonly errors: readonly RoadmapError[];
}

export type Validated = Omit<ParseResponse, 'id'>;

export class RoadmapParser {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { readonly request: ParseRequest; readonly resolve: (validated: Validated) => void }>();

  constructor(
    /** The worker script, or undefined to parse on this thread. */
    private workerScript: string | undefined,
    private readonly log: { warn(message: string): void },
  ) {}

  async validate(text: string, label: string): Promise<Validated> {
    const worker = await this.ensureWorker();
    if (!worker) return validateHere(text, label);
    const request = { id: this.nextId++, text, label };
    return new Promise((resolve) => {
      this.pending.set(request.id, { request, resolve });
      worker.postMessage(request);
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private async ensureWorker(): Promise<Worker | undefined> {
    if (this.worker || !this.workerScript) return this.worker;
    const { Worker } = await import('worker_threads');
    const worker = new Worker(this.workerScript);
    worker.on('message', ({ id, document, errors }: ParseResponse) => {
      this.pending.get(id)?.resolve(document ? { document, errors } : { errors });
      this.pending.delete(id);
    });
    worker.on('error', (error) => void this.workerFailed(worker, error));
    worker.on('exit', (code) => code !== 0 && void this.workerFailed(worker, new Error(`exited with code ${code}`)));
    // The worker must not keep the extension host alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** A worker that could not start or died: its requests are answered here, and so are later ones. */
  private async workerFailed(worker: Worker, error: Error): Promise<void> {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.workerScript = undefined;
    this.log.warn(`The roadmap parser's worker stopped (${error.message}); parsing on the extension host from now on.`);
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { request, resolve } of pending) resolve(await validateHere(request.text, request.label));
  }
}

async function validateHere(text: string, label: string): Promise<Validated> {
  // The YAML parser loads only when there is a file to parse: most sessions never need it.
  const { validateRoadmap } = await import('../model/loader');
  return validateRoadmap(text, { label });
}

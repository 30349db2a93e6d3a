/**
 * Parses and validates roadmap files off the extension host's thread: in a worker when the
 * platform can start one (a Node extension host with the built `dist/parseWorker.js`), else here
 * (VS Code for the Web passes none). Every file a workspace brings, and every pause in typing in
 * an open roadmap, goes through here.
 */
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

/** The little of a worker thread the parser uses (Node's `Worker`). */
export interface ParseWorker {
  postMessage(request: ParseRequest): void;
  on(event: 'message', listener: (response: ParseResponse) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'exit', listener: (code: number) => void): void;
  unref(): void;
  terminate(): Promise<number>;
}

/** Starts the worker; may throw or emit `error` when it cannot start. */
export type StartParseWorker = () => ParseWorker;

export class RoadmapParser {
  private worker: ParseWorker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { readonly request: ParseRequest; readonly resolve: (validated: Validated) => void }>();

  constructor(
    /** Starts a worker, or undefined to parse on this thread. */
    private startWorker: StartParseWorker | undefined,
    private readonly log: { warn(message: string): void },
  ) {}

  async validate(text: string, label: string): Promise<Validated> {
    const worker = this.ensureWorker();
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

  private ensureWorker(): ParseWorker | undefined {
    if (this.worker || !this.startWorker) return this.worker;
    let worker: ParseWorker;
    try {
      worker = this.startWorker();
    } catch (error) {
      this.startWorker = undefined;
      this.log.warn(`The roadmap parser's worker could not start (${(error as Error).message}); parsing on the extension host.`);
      return undefined;
    }
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
  private async workerFailed(worker: ParseWorker, error: Error): Promise<void> {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.startWorker = undefined;
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

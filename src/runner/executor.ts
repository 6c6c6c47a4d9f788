// Two ways to run the passes over many files: in this thread (small inputs, tests) or spread over
// worker threads, each with its own parser and compiled queries. Both call the same file functions.
import os from "node:os";
import { Worker } from "node:worker_threads";
import { initParser } from "../engine/parser.js";
import { ProjectIndex } from "../project/index.js";
import type { ModuleSummary } from "../project/summary.js";
import { selectTransforms } from "./select.js";
import { fixFile, indexFile } from "./file.js";
import type { FileReport, FileTask, FixSettings } from "./types.js";

export interface Executor {
  index(tasks: FileTask[]): Promise<Array<ModuleSummary | undefined>>;
  fix(tasks: FileTask[], summaries: ModuleSummary[]): Promise<FileReport[]>;
  close(): Promise<void>;
}

export class InProcessExecutor implements Executor {
  constructor(private readonly settings: FixSettings) {}

  async index(tasks: FileTask[]): Promise<Array<ModuleSummary | undefined>> {
    await initParser();
    return tasks.map(indexFile);
  }

  async fix(tasks: FileTask[], summaries: ModuleSummary[]): Promise<FileReport[]> {
    await initParser();
    const index = new ProjectIndex(summaries);
    const transforms = selectTransforms(this.settings.transforms);
    return tasks.map((t) => fixFile(t, transforms, index, this.settings));
  }

  async close(): Promise<void> {}
}

type Reply = { id: number; result?: unknown; error?: string };

/** Hands files to worker threads in small chunks, so a slow file does not hold up the rest. */
export class ThreadExecutor implements Executor {
  private readonly workers: Worker[] = [];
  private nextId = 0;

  constructor(
    private readonly settings: FixSettings,
    size: number,
    private readonly chunkSize = 8,
  ) {
    const url = new URL("./worker.js", import.meta.url);
    for (let i = 0; i < size; i++) this.workers.push(new Worker(url, { workerData: settings }));
  }

  private call(worker: Worker, message: object): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onMessage = (reply: Reply): void => {
        if (reply.id !== id) return;
        cleanup();
        if (reply.error) reject(new Error(reply.error));
        else resolve(reply.result);
      };
      const onError = (err: Error): void => {
        cleanup();
        reject(err);
      };
      const onExit = (code: number): void => {
        cleanup();
        reject(new Error(`worker stopped with exit code ${code}`));
      };
      const cleanup = (): void => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage({ id, ...message });
    });
  }

  private async spread<T>(tasks: FileTask[], kind: "index" | "fix"): Promise<T[]> {
    const results: T[] = new Array(tasks.length);
    let next = 0;
    const drive = async (worker: Worker): Promise<void> => {
      while (next < tasks.length) {
        const start = next;
        next = Math.min(tasks.length, next + this.chunkSize);
        const chunk = tasks.slice(start, next);
        const out = (await this.call(worker, { kind, tasks: chunk })) as T[];
        out.forEach((r, i) => (results[start + i] = r));
      }
    };
    await Promise.all(this.workers.map(drive));
    return results;
  }

  index(tasks: FileTask[]): Promise<Array<ModuleSummary | undefined>> {
    return this.spread(tasks, "index");
  }

  async fix(tasks: FileTask[], summaries: ModuleSummary[]): Promise<FileReport[]> {
    await Promise.all(this.workers.map((w) => this.call(w, { kind: "load-index", summaries })));
    return this.spread<FileReport>(tasks, "fix");
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Threads pay off only with enough files to share out. */
export function createExecutor(settings: FixSettings, fileCount: number, jobs?: number): Executor {
  const cores = os.availableParallelism();
  const size = Math.max(1, Math.min(jobs ?? cores, Math.ceil(fileCount / 32)));
  return size <= 1 ? new InProcessExecutor(settings) : new ThreadExecutor(settings, size);
}

// Two ways to run the passes over many files: in this thread (small inputs, tests) or spread over
// worker threads, each with its own parser and compiled queries. Both call the same file functions.
// Both can be stopped (Ctrl-C): no new file is started, the files in progress finish (their write
// is atomic), and the results of the files never started are left undefined.
import os from "node:os";
import { setImmediate as nextTurn } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { initParser } from "../engine/parser.js";
import { fixFile, scanFile, type FileScan } from "./file.js";
import { Jobs } from "./profiles.js";
import { lazyIndex, type ProjectTable } from "./project-table.js";
import type { FileReport, FileTask, FixSettings, WorkerData } from "./types.js";

export interface Executor {
  /** One scan per task (undefined for a file that could not be read, or was never reached). */
  index(tasks: FileTask[]): Promise<Array<FileScan | undefined>>;
  /**
   * One report per task; undefined for the files never reached because of stop(). `done` hears
   * how many more files are finished, as they finish.
   */
  fix(
    tasks: FileTask[],
    table: ProjectTable,
    done?: (count: number) => void,
  ): Promise<Array<FileReport | undefined>>;
  /** Starts no further file; the running ones finish. */
  stop(): void;
  close(): Promise<void>;
}

export class InProcessExecutor implements Executor {
  private stopped = false;
  private readonly jobs: Jobs;

  constructor(settings: FixSettings) {
    this.jobs = new Jobs(settings);
  }

  stop(): void {
    this.stopped = true;
  }

  /** Runs `work` over the tasks one by one, letting signals in between files. */
  private async each<T>(
    tasks: FileTask[],
    work: (t: FileTask) => T,
  ): Promise<Array<T | undefined>> {
    const out: Array<T | undefined> = new Array(tasks.length).fill(undefined);
    for (let i = 0; i < tasks.length; i++) {
      await nextTurn();
      if (this.stopped) break;
      out[i] = work(tasks[i]!);
    }
    return out;
  }

  async index(tasks: FileTask[]): Promise<Array<FileScan | undefined>> {
    return this.each(tasks, (t) => scanFile(t, this.jobs.rulesFor(t)));
  }

  async fix(
    tasks: FileTask[],
    table: ProjectTable,
    done?: (count: number) => void,
  ): Promise<Array<FileReport | undefined>> {
    await initParser();
    const index = lazyIndex(table);
    return this.each(tasks, (t) => {
      const report = fixFile(t, this.jobs.jobFor(t, index));
      done?.(1);
      return report;
    });
  }

  async close(): Promise<void> {}
}

type Reply = { id: number; result?: unknown; error?: string };

/** Hands files to worker threads in small chunks, so a slow file does not hold up the rest. */
export class ThreadExecutor implements Executor {
  private readonly workers: Worker[] = [];
  private nextId = 0;
  /** Shared with the workers: set to 1 to make them stop between two files of a chunk. */
  private readonly stopFlag = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    settings: FixSettings,
    size: number,
    private readonly chunkSize = 8,
  ) {
    const url = new URL("./worker.js", import.meta.url);
    const workerData: WorkerData = { settings, stop: this.stopFlag };
    for (let i = 0; i < size; i++) this.workers.push(new Worker(url, { workerData }));
  }

  private get stopped(): boolean {
    return Atomics.load(this.stopFlag, 0) === 1;
  }

  stop(): void {
    Atomics.store(this.stopFlag, 0, 1);
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

  /** Hands out chunks of `all` to whichever worker is free. */
  private async spread<T>(
    all: FileTask[],
    kind: "index" | "fix",
    done?: (count: number) => void,
  ): Promise<Array<T | undefined>> {
    const results: Array<T | undefined> = new Array(all.length).fill(undefined);
    const queue = all.map((_, i) => i);
    const drive = async (worker: Worker): Promise<void> => {
      while (queue.length && !this.stopped) {
        const picked = queue.splice(0, this.chunkSize);
        // A stopped worker returns the results of the files it finished, a prefix of the chunk.
        const chunk = picked.map((i) => all[i]!);
        const out = (await this.call(worker, { kind, tasks: chunk })) as T[];
        out.forEach((r, k) => (results[picked[k]!] = r));
        done?.(out.length);
      }
    };
    await Promise.all(this.workers.map(drive));
    return results;
  }

  index(tasks: FileTask[]): Promise<Array<FileScan | undefined>> {
    return this.spread(tasks, "index");
  }

  async fix(
    tasks: FileTask[],
    table: ProjectTable,
    done?: (count: number) => void,
  ): Promise<Array<FileReport | undefined>> {
    await Promise.all(this.workers.map((w) => this.call(w, { kind: "load-index", table })));
    return this.spread<FileReport>(tasks, "fix", done);
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

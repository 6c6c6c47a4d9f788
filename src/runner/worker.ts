// A worker thread: one parser, the selected transforms, and the project index once it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { initParser } from "../engine/parser.js";
import { fixFile, scanFile } from "./file.js";
import { Jobs } from "./profiles.js";
import { lazyIndex, type ProjectTable } from "./project-table.js";
import type { ProjectIndex } from "../project/index.js";
import type { FileTask, WorkerData } from "./types.js";

const { settings, stop } = workerData as WorkerData;
const jobs = new Jobs(settings);
let index: ProjectIndex | undefined;
const ready = initParser();

type Request =
  | { id: number; kind: "index" | "fix"; tasks: FileTask[] }
  | { id: number; kind: "load-index"; table: ProjectTable };

/** The results of the chunk's files, up to the first one not started because of a stop. */
function untilStopped<T>(tasks: FileTask[], work: (task: FileTask) => T): T[] {
  const out: T[] = [];
  for (const task of tasks) {
    if (Atomics.load(stop, 0) === 1) break;
    out.push(work(task));
  }
  return out;
}

parentPort!.on("message", async (request: Request) => {
  try {
    await ready;
    let result: unknown;
    if (request.kind === "load-index") {
      index = lazyIndex(request.table);
      result = true;
    } else if (request.kind === "index") {
      result = untilStopped(request.tasks, (t) => scanFile(t, jobs.rulesFor(t)));
    } else {
      const loaded = index;
      if (!loaded) throw new Error("fix requested before the project index was sent");
      result = untilStopped(request.tasks, (t) => fixFile(t, jobs.jobFor(t, loaded)));
    }
    parentPort!.postMessage({ id: request.id, result });
  } catch (err) {
    parentPort!.postMessage({ id: request.id, error: (err as Error).stack ?? String(err) });
  }
});

// A worker thread: one parser, the selected transforms, and the project index once it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { initParser } from "../engine/parser.js";
import { ProjectIndex } from "../project/index.js";
import type { ModuleSummary } from "../project/summary.js";
import { fixFile, indexFile } from "./file.js";
import { selectTransforms } from "./select.js";
import { TreeCache } from "./tree-cache.js";
import type { FileTask, WorkerData } from "./types.js";

const { settings, stop } = workerData as WorkerData;
const transforms = selectTransforms(settings.transforms);
let index = new ProjectIndex();
const cache = new TreeCache();
const ready = initParser();

type Request =
  | { id: number; kind: "index" | "fix"; tasks: FileTask[] }
  | { id: number; kind: "load-index"; summaries: ModuleSummary[] };

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
      index = new ProjectIndex(request.summaries);
      result = true;
    } else if (request.kind === "index") {
      result = untilStopped(request.tasks, (t) => indexFile(t, cache, transforms));
    } else {
      result = untilStopped(request.tasks, (t) => fixFile(t, transforms, index, settings, cache));
    }
    parentPort!.postMessage({ id: request.id, result });
  } catch (err) {
    parentPort!.postMessage({ id: request.id, error: (err as Error).stack ?? String(err) });
  }
});

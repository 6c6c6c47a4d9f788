// A worker thread: one parser, the selected transforms, and the project index once it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { initParser } from "../engine/parser.js";
import { rulePlan } from "../knowledge/fix.js";
import { fixFile, scanFile, type FixJob } from "./file.js";
import { lazyIndex, type ProjectTable } from "./project-table.js";
import { selectTransforms } from "./select.js";
import type { FileTask, WorkerData } from "./types.js";

const { settings, stop } = workerData as WorkerData;
const transforms = selectTransforms({ select: settings.transforms });
let job: FixJob | undefined;
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
      job = { transforms, index: lazyIndex(request.table), settings, plan: rulePlan(transforms) };
      result = true;
    } else if (request.kind === "index") {
      result = untilStopped(request.tasks, (t) => scanFile(t, transforms));
    } else {
      const loaded = job;
      if (!loaded) throw new Error("fix requested before the project index was sent");
      result = untilStopped(request.tasks, (t) => fixFile(t, loaded));
    }
    parentPort!.postMessage({ id: request.id, result });
  } catch (err) {
    parentPort!.postMessage({ id: request.id, error: (err as Error).stack ?? String(err) });
  }
});

// A worker thread: one parser, the selected transforms, and the project index once it is sent.
import { parentPort, workerData } from "node:worker_threads";
import { initParser } from "../engine/parser.js";
import { ProjectIndex } from "../project/index.js";
import type { ModuleSummary } from "../project/summary.js";
import { fixFile, indexFile } from "./file.js";
import { selectTransforms } from "./select.js";
import type { FileTask, FixSettings } from "./types.js";

const settings = workerData as FixSettings;
const transforms = selectTransforms(settings.transforms);
let index = new ProjectIndex();
const ready = initParser();

type Request =
  | { id: number; kind: "index" | "fix"; tasks: FileTask[] }
  | { id: number; kind: "load-index"; summaries: ModuleSummary[] };

parentPort!.on("message", async (request: Request) => {
  try {
    await ready;
    let result: unknown;
    if (request.kind === "load-index") {
      index = new ProjectIndex(request.summaries);
      result = true;
    } else if (request.kind === "index") {
      result = request.tasks.map(indexFile);
    } else {
      result = request.tasks.map((t) => fixFile(t, transforms, index, settings));
    }
    parentPort!.postMessage({ id: request.id, result });
  } catch (err) {
    parentPort!.postMessage({ id: request.id, error: (err as Error).stack ?? String(err) });
  }
});

// The rule set each file is fixed with: the run's, or its own when configuration files give
// folders different rules. Jobs are built once per rule set and thread.
import { rulePlan } from "../knowledge/fix.js";
import type { ProjectIndex } from "../project/index.js";
import type { Rule } from "../knowledge/rule.js";
import type { FixJob } from "./file.js";
import { selectTransforms } from "./select.js";
import type { FileTask, FixSettings } from "./types.js";

export class Jobs {
  private readonly rules = new Map<number, Rule[]>();
  private readonly jobs = new Map<number, FixJob>();

  constructor(private readonly settings: FixSettings) {}

  private key(task: FileTask): number {
    return task.profile ?? -1;
  }

  /** The rules of a task's rule set. */
  rulesFor(task: FileTask): Rule[] {
    const key = this.key(task);
    let rules = this.rules.get(key);
    if (!rules) {
      const names = key < 0 ? this.settings.transforms : this.settings.profiles![key]!.transforms;
      rules = names.length ? selectTransforms({ select: names }) : [];
      this.rules.set(key, rules);
    }
    return rules;
  }

  /** The fix job of a task's rule set, over the run's one index. */
  jobFor(task: FileTask, index: ProjectIndex): FixJob {
    const key = this.key(task);
    let job = this.jobs.get(key);
    if (!job) {
      const transforms = this.rulesFor(task);
      const profile = key < 0 ? undefined : this.settings.profiles![key]!;
      const settings = profile
        ? {
            ...this.settings,
            unsafe: profile.unsafe,
            named: profile.named,
            options: profile.options,
          }
        : this.settings;
      job = { transforms, index, settings, plan: rulePlan(transforms) };
      this.jobs.set(key, job);
    }
    return job;
  }
}

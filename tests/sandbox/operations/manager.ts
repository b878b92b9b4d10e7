// Long-running file operations (docspace-api.md §5.2), after FileOperationsManagerHolder: each
// operation belongs to a user, works through its items over time (a fixed cost per progress step,
// `tuning.fileOperationItemMs`, on an injectable clock), and is reported by GetOperationResults:
// a finished operation gets progress 100 and is dequeued on that read; it is returned only if it
// holds its result (`hold` = !deleteAfter for move/copy/delete, always for the others) or its
// progress is not 100. So a held operation is reported finished exactly once.
import { randomUUID } from 'node:crypto';
import type { SandboxTuning } from '../tuning.ts';
import type { StepResult } from './actions.ts';

export const FileOperationType = {
  Move: 0,
  Copy: 1,
  Delete: 2,
  Download: 3,
  MarkAsRead: 4,
  Import: 5,
  Convert: 6,
  Duplicate: 7,
} as const;
export type FileOperationType = (typeof FileOperationType)[keyof typeof FileOperationType];

/** DistributedTaskStatus. */
export const TaskStatus = { Created: 0, Running: 1, Completed: 2, Canceled: 3, Failted: 4 } as const;

/** A top-level item of an operation: `steps` progress steps (1 for a file, 1 + contents for a
 *  folder, as InitTotalProgressSteps counts), done at once when its time has come. */
export interface OperationUnit {
  steps: number;
  run(): StepResult;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Task {
  id: string;
  userId: string;
  type: FileOperationType;
  hold: boolean;
  units: OperationUnit[];
  total: number;
  nextUnit: number;
  stepsDone: number;
  processed: number;
  results: string[];
  error: string;
  finished: boolean;
  status: number;
  progress: number;
  startedAt: number;
  /** Download: absolute URL of the archive once built. */
  url?: string;
  /** Runs after the last unit (the download builds its archive here). */
  onFinish?: (task: Task) => void;
  timer?: unknown;
}

/** What GetOperationResults hands to FileOperationDtoHelper. */
export interface OperationSnapshot {
  id: string;
  type: FileOperationType;
  progress: number;
  processed: string;
  /** "file_12", "folder_7" of the resulting entries. */
  results: readonly string[];
  error: string;
  finished: boolean;
  status: number;
  url?: string;
}

/** The managers in the order GET files/fileops asks them (OperationController.GetOperationStatuses). */
const MANAGER_ORDER: ReadonlyArray<readonly FileOperationType[]> = [
  [FileOperationType.Duplicate],
  [FileOperationType.Move, FileOperationType.Copy],
  [FileOperationType.Delete],
  [FileOperationType.Download],
  [FileOperationType.MarkAsRead],
];

export class FileOperationManager {
  private readonly tasks = new Map<string, Task>();

  constructor(
    private readonly tuning: SandboxTuning,
    private readonly clock: Clock = REAL_CLOCK,
  ) {}

  /** Starts an operation; returns its id. Units run in order as time passes. */
  publish(input: {
    userId: string;
    type: FileOperationType;
    hold: boolean;
    units: OperationUnit[];
    onFinish?: (finish: {
      results: readonly string[];
      setUrl(url: string): void;
      setError(error: string): void;
    }) => void;
  }): string {
    const total = input.units.reduce((sum, u) => sum + u.steps, 0);
    const task: Task = {
      id: randomUUID(),
      userId: input.userId,
      type: input.type,
      hold: input.hold,
      units: input.units,
      total,
      nextUnit: 0,
      stepsDone: 0,
      processed: 0,
      results: [],
      error: '',
      finished: false,
      status: TaskStatus.Running,
      progress: 0,
      startedAt: this.clock.now(),
    };
    if (input.onFinish) {
      const onFinish = input.onFinish;
      task.onFinish = (t) =>
        onFinish({
          results: t.results,
          setUrl: (url) => {
            t.url = url;
          },
          setError: (error) => {
            t.error = error;
          },
        });
    }
    this.tasks.set(task.id, task);
    this.advance(task);
    return task.id;
  }

  /** Runs the units whose time has come; schedules the next check. */
  private advance(task: Task): void {
    if (task.finished) return;
    const perStep = this.tuning.fileOperationItemMs;
    const elapsed = this.clock.now() - task.startedAt;
    const dueSteps = perStep <= 0 ? Number.POSITIVE_INFINITY : Math.floor(elapsed / perStep);
    while (task.nextUnit < task.units.length) {
      const unit = task.units[task.nextUnit]!;
      if (task.stepsDone + unit.steps > dueSteps) break;
      task.nextUnit++;
      task.stepsDone += unit.steps;
      let outcome: StepResult;
      try {
        outcome = unit.run();
      } catch (error) {
        outcome = { error: error instanceof Error ? error.message : String(error) };
      }
      if (outcome.error) task.error = outcome.error;
      // ProcessedFile/ProcessedFolder: only items actually moved/copied/deleted count.
      if (outcome.result) {
        task.processed++;
        task.results.push(outcome.result);
      }
    }
    if (task.nextUnit >= task.units.length) {
      task.onFinish?.(task);
      task.finished = true;
      task.status = TaskStatus.Completed;
      task.progress = 100;
      if (task.timer !== undefined) this.clock.clearTimeout(task.timer);
      task.timer = undefined;
      return;
    }
    const partial = Math.min(dueSteps, task.total);
    task.progress = task.total > 0 ? Math.min(99, Math.floor((100 * partial) / task.total)) : 0;
    const nextUnit = task.units[task.nextUnit]!;
    const dueAt = task.startedAt + (task.stepsDone + nextUnit.steps) * perStep;
    if (task.timer !== undefined) this.clock.clearTimeout(task.timer);
    task.timer = this.clock.setTimeout(
      () => {
        task.timer = undefined;
        if (this.tasks.get(task.id) === task) this.advance(task);
      },
      Math.max(1, dueAt - this.clock.now()),
    );
  }

  /** GetOperationResults of the managers handling `types` (all, in the server's order, by default). */
  results(
    userId: string,
    options: { id?: string | undefined; types?: readonly FileOperationType[] } = {},
  ): OperationSnapshot[] {
    const out: OperationSnapshot[] = [];
    const groups = options.types
      ? MANAGER_ORDER.filter((g) => g.some((t) => options.types!.includes(t)))
      : MANAGER_ORDER;
    for (const group of groups) {
      for (const task of [...this.tasks.values()]) {
        if (task.userId !== userId || !group.includes(task.type)) continue;
        if (options.id !== undefined && task.id !== options.id) continue;
        this.advance(task);
        if (task.status > TaskStatus.Running) {
          task.progress = 100;
          this.tasks.delete(task.id);
        }
        if (task.hold || task.progress !== 100) out.push(snapshot(task));
      }
    }
    return options.types ? out.filter((s) => options.types!.includes(s.type)) : out;
  }

  /** CancelOperations: drops the caller's operations (one, or all), then reports the rest. */
  cancel(userId: string, id?: string): OperationSnapshot[] {
    const out: OperationSnapshot[] = [];
    for (const group of MANAGER_ORDER) {
      for (const task of [...this.tasks.values()]) {
        if (task.userId !== userId || !group.includes(task.type)) continue;
        if (id === undefined || task.id === id) {
          if (task.timer !== undefined) this.clock.clearTimeout(task.timer);
          this.tasks.delete(task.id);
        }
      }
      out.push(...this.results(userId, { types: group }));
    }
    return out;
  }

  /** FileOperationsManagerHolder.CheckRunning: true when an operation of this type is still running. */
  isRunning(userId: string, type: FileOperationType): boolean {
    for (const task of this.tasks.values()) {
      if (task.userId !== userId || task.type !== type) continue;
      this.advance(task);
      if (task.status <= TaskStatus.Running) return true;
    }
    return false;
  }

  /** Snapshot without the read side effects (for tests and the state endpoint). */
  peek(id: string): OperationSnapshot | undefined {
    const task = this.tasks.get(id);
    return task ? snapshot(task) : undefined;
  }

  get size(): number {
    return this.tasks.size;
  }

  clear(): void {
    for (const task of this.tasks.values()) if (task.timer !== undefined) this.clock.clearTimeout(task.timer);
    this.tasks.clear();
  }
}

function snapshot(task: Task): OperationSnapshot {
  return {
    id: task.id,
    type: task.type,
    progress: task.progress,
    processed: String(task.processed),
    results: [...task.results],
    error: task.error,
    finished: task.finished,
    status: task.status,
    ...(task.url !== undefined ? { url: task.url } : {}),
  };
}

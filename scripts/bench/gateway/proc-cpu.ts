import { readdirSync, readFileSync } from "node:fs";

/*
 * CPU time of processes, from /proc (Linux only): the sum over every thread of the first field of
 * /proc/<pid>/task/<tid>/schedstat (nanoseconds on CPU), or utime + stime of /proc/<pid>/stat when the
 * kernel has no schedstat. A process tree counts the root and every descendant alive at the time.
 */

/** Clock ticks per second of utime/stime (USER_HZ), 100 on every Linux port in use. */
const USER_HZ = 100;

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** Nanoseconds `pid` has spent on a CPU so far (0 once it is gone). */
export function processCpuNs(pid: number): number {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  let total = 0;
  let schedstat = true;
  for (const tid of tasks) {
    const line = readText(`/proc/${pid}/task/${tid}/schedstat`);
    if (line === null) {
      schedstat = false;
      break;
    }
    total += Number(line.split(" ")[0]);
  }
  if (schedstat) return total;
  // fields[11] and [12] are utime and stime (fields 14 and 15 of proc(5)).
  const fields = statFields(pid);
  return fields ? ((Number(fields[11]) + Number(fields[12])) * 1e9) / USER_HZ : 0;
}

/** `root` and every process descending from it, as /proc shows them now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (!fields) continue;
    const parent = Number(fields[1]);
    const list = children.get(parent) ?? [];
    list.push(Number(entry));
    children.set(parent, list);
  }
  const tree: number[] = [];
  const pending = [root];
  while (pending.length > 0 && tree.length < 10_000) {
    const pid = pending.pop()!;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** CPU nanoseconds per process of a tree, keyed by pid, so a window can be measured as a difference. */
export function treeCpuNs(root: number): Map<number, number> {
  return new Map(processTree(root).map((pid) => [pid, processCpuNs(pid)]));
}

/**
 * CPU spent by a tree between two readings: processes present at both are counted by their difference,
 * processes born in between by all they spent (their time before the first reading is zero).
 */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ns] of after) total += Math.max(0, ns - (before.get(pid) ?? 0));
  return total;
}

// Where a build's time and memory go: runs a command, time-stamps each line Astro (and Pagefind)
// logs, and samples the resident memory of the whole process tree (Astro, its workers, Pagefind's
// binary) every 200 ms from /proc. Phases are the spans between the log lines that start them.
// Memory is the sum over the tree, since Pagefind runs beside the Node process that waits for it.
// CPU seconds (user + system, summed over the tree) are reported too: on a shared machine wall
// time swings with other jobs, CPU time much less.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The phases of an Astro build, each started by the first log line that matches. A phase not seen
 * (Starlight has no separate search step; our site has no Pagefind inside Astro) is left out.
 * Sitemap and RSS: feeds are routes rendered with the pages; the sitemap is written in
 * astro:build:done, which is what the "sitemap + build:done" span measures.
 */
export const astroPhases = [
  { name: 'start + config', startsAt: /^/ },
  { name: 'content sync', startsAt: /\[content\] Syncing content/ },
  { name: 'types + build info', startsAt: /\[content\] Synced content/ },
  { name: 'bundling (Vite)', startsAt: /Building static entrypoints/ },
  { name: 'page rendering (incl. RSS)', startsAt: /generating static routes/ },
  { name: 'image work', startsAt: /generating optimized images/ },
  { name: 'sitemap + build:done', startsAt: /\[build\] ✓ Completed in/, after: ['page rendering (incl. RSS)', 'image work'] },
  { name: 'search index', startsAt: /Building search index with Pagefind/ },
  { name: 'finish', startsAt: /Finished building search index|\[build\] \d+ page\(s\) built in/, after: ['sitemap + build:done'] },
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes this strips.
const ansi = /\u001b\[[0-9;]*m/g;

function childrenOf() {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function residentKilobytes(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const clockTicks = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return undefined;
  }
}

/**
 * Resident memory (MB) of a process and all its descendants, and each one's CPU seconds so far
 * (recorded in `cpuByPid`, so a child that ends keeps the CPU it was last seen with).
 */
export function sampleTree(rootPid, cpuByPid = new Map()) {
  const children = childrenOf();
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop();
    total += residentKilobytes(pid);
    const cpu = cpuSeconds(pid);
    if (cpu !== undefined) cpuByPid.set(pid, cpu);
    stack.push(...(children.get(pid) ?? []));
  }
  return total / 1024;
}

/**
 * Runs one command; resolves with its wall time, its tree's peak memory and the log lines with
 * their times and the memory at that moment. Rejects with the log's tail if it fails.
 */
export function runMeasured(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = [];
    const samples = [];
    const cpuByPid = new Map();
    const treeCpu = () => [...cpuByPid.values()].reduce((sum, value) => sum + value, 0);
    const sample = () => {
      const mb = sampleTree(child.pid, cpuByPid);
      samples.push({ seconds: (performance.now() - started) / 1000, mb, cpu: treeCpu() });
    };
    const sampler = setInterval(sample, 200);
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop();
        const seconds = (performance.now() - started) / 1000;
        for (const part of parts) lines.push({ seconds, text: part.replace(ansi, '') });
      });
    }
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${code}:\n${lines
              .slice(-30)
              .map((line) => line.text)
              .join('\n')}`,
          ),
        );
        return;
      }
      // CPU as last sampled (up to 200 ms of each process's end is missed): unlike wall time, it
      // hardly changes when other jobs share the machine.
      resolve({ seconds, cpuSeconds: treeCpu(), peakMB: Math.round(Math.max(0, ...samples.map((entry) => entry.mb))), lines, samples });
    });
  });
}

/**
 * The phases of one measured run: each phase's seconds and the tree's peak memory during it. A
 * phase with `after` starts at its first matching line later than the latest of those phases.
 * @param {{ seconds: number, lines: { seconds: number, text: string }[], samples: { seconds: number, mb: number }[] }} run
 */
export function phasesOf(run, phases = astroPhases) {
  const marks = [];
  for (const phase of phases) {
    const after = Math.max(-1, ...marks.filter((mark) => phase.after?.includes(mark.name)).map((mark) => mark.line));
    const line = run.lines.findIndex((entry, index) => index > after && phase.startsAt.test(entry.text));
    if (phase.after && after === -1) continue;
    if (line !== -1) marks.push({ name: phase.name, line, start: phase.startsAt.source === '^' ? 0 : run.lines[line].seconds });
  }
  marks.sort((a, b) => a.start - b.start);
  return marks.map((mark, index) => {
    const end = marks[index + 1]?.start ?? run.seconds;
    const during = run.samples.filter((entry) => entry.seconds >= mark.start && entry.seconds <= end + 0.2);
    const cpuAt = (moment) => run.samples.findLast((entry) => entry.seconds <= moment)?.cpu ?? 0;
    const cpuSeconds = index === marks.length - 1 ? run.cpuSeconds - cpuAt(mark.start) : cpuAt(end) - cpuAt(mark.start);
    return { name: mark.name, seconds: end - mark.start, cpuSeconds, peakMB: Math.round(Math.max(0, ...during.map((entry) => entry.mb))) };
  });
}

/** A run that is one phase from start to end (our separate search-index step). */
export const wholeRunAs = (name) => [{ name, startsAt: /^/ }];

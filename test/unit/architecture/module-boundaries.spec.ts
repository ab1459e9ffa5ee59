import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The modules under src/modules and the modules each may import — the architecture diagram of
 * README ("How it works"). A new edge must be added here on purpose; the declared graph itself
 * must have no cycle. infra/ and shared/ are layers every module may use, and they import no
 * module (except the composition registries listed below).
 */
const ALLOWED: Record<string, readonly string[]> = {
  law: [],
  access: [],
  notifications: [],
  idempotency: [],
  agencies: ['access'],
  audit: ['access', 'agencies'],
  accounts: ['access', 'agencies', 'audit', 'notifications'],
  auth: ['access', 'accounts', 'audit'],
  calendar: ['access', 'agencies', 'audit'],
  fees: ['calendar'],
  deadlines: ['agencies', 'calendar', 'fees'],
  correspondence: ['agencies', 'calendar', 'deadlines', 'fees', 'law'],
  timers: ['calendar', 'notifications'],
  requests: [
    'access',
    'accounts',
    'agencies',
    'audit',
    'calendar',
    'correspondence',
    'deadlines',
    'fees',
    'idempotency',
    'law',
    'notifications',
    'timers',
  ],
  remedies: [
    'access',
    'agencies',
    'audit',
    'calendar',
    'correspondence',
    'deadlines',
    'law',
    'notifications',
    'requests',
    'timers',
  ],
  proactive: ['access', 'agencies'],
  reports: [
    'access',
    'agencies',
    'calendar',
    'correspondence',
    'law',
    'notifications',
    'proactive',
    'remedies',
    'timers',
  ],
  supervision: ['access', 'agencies', 'calendar', 'requests'],
  ops: ['access', 'calendar', 'correspondence'],
  portal: [
    'access',
    'accounts',
    'agencies',
    'audit',
    'auth',
    'calendar',
    'correspondence',
    'deadlines',
    'fees',
    'law',
    'remedies',
    'reports',
    'requests',
    'supervision',
  ],
  upkeep: ['notifications', 'timers'],
};
/** Composition roots inside infra/: they list every module's entities and migrations. */
const REGISTRIES = ['src/infra/database/entities.ts', 'src/infra/database/migrations.ts'];

const root = resolve(__dirname, '../../..');
const walk = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : [],
  );

/** 'requests', 'infra', 'shared', or null for composition roots (app.module, main, cli, …). */
function layerOf(file: string): string | null {
  const parts = relative(root, file).split(sep);
  if (parts[0] !== 'src') return null;
  if (parts[1] === 'modules') return parts[2];
  if (parts[1] === 'infra' || parts[1] === 'shared') return parts[1];
  return null;
}

interface Edge {
  from: string;
  to: string;
  file: string;
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of walk(join(root, 'src'))) {
    const from = layerOf(file);
    if (!from) continue;
    for (const imp of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!imp.fileName.startsWith('.')) continue;
      const to = layerOf(resolve(dirname(file), imp.fileName));
      if (to && to !== from) out.push({ from, to, file: relative(root, file) });
    }
  }
  return out;
}

function cycleIn(graph: Record<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n];
    state.set(n, 'open');
    path.push(n);
    for (const m of graph[n] ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    path.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of Object.keys(graph)) {
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

describe('module boundaries', () => {
  const all = edges();

  it('declares every module under src/modules', () => {
    const modules = readdirSync(join(root, 'src/modules'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(modules.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('has no cycle in the declared module graph', () => {
    expect(cycleIn(ALLOWED)).toBeNull();
  });

  it('imports between modules only along the declared edges', () => {
    const layers = new Set(['infra', 'shared']);
    const unexpected = all
      .filter(
        (e) => !layers.has(e.from) && !layers.has(e.to) && !(ALLOWED[e.from] ?? []).includes(e.to),
      )
      .map((e) => `${e.from} → ${e.to} (${e.file})`);
    expect([...new Set(unexpected)]).toEqual([]);
  });

  it('keeps infra/ and shared/ free of module imports (but the registries)', () => {
    const leaks = all
      .filter(
        (e) =>
          (e.from === 'infra' || e.from === 'shared') &&
          e.to !== 'infra' &&
          e.to !== 'shared' &&
          !REGISTRIES.includes(e.file),
      )
      .map((e) => `${e.from} → ${e.to} (${e.file})`);
    expect([...new Set(leaks)]).toEqual([]);
  });

  it('keeps every domain/ folder pure: only other domain/ code, shared/, and no framework', () => {
    const framework = /^(@nestjs\/|typeorm|bullmq|ioredis|nestjs-pino|pg$|express)/;
    const impure: string[] = [];
    for (const file of walk(join(root, 'src/modules'))) {
      if (!relative(root, file).split(sep).includes('domain')) continue;
      for (const imp of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
        const name = imp.fileName;
        if (!name.startsWith('.')) {
          if (framework.test(name)) impure.push(`${relative(root, file)} → ${name}`);
          continue;
        }
        const target = relative(root, resolve(dirname(file), name)).split(sep);
        if (target[1] !== 'shared' && !target.includes('domain'))
          impure.push(`${relative(root, file)} → ${target.join('/')}`);
      }
    }
    expect(impure).toEqual([]);
  });

  it('is the graph drawn in README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const chart = /```mermaid\nflowchart TD\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const drawn: Record<string, string[]> = {};
    for (const m of chart.matchAll(/^\s*(\w+) --> (.+)$/gm))
      drawn[m[1]] = m[2].split('&').map((x) => x.trim());
    const declared = Object.fromEntries(Object.entries(ALLOWED).filter(([, to]) => to.length));
    expect(drawn).toEqual(declared);
  });
});

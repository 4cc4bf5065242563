/**
 * Known layouts: the generated base per family with each version's override applied in order, plus the
 * choice of layout for a workbook (exact version, or the nearest known one with a warning).
 */
import type { Family } from '../model';
import { GENERATED, LANGUAGES } from './generated';
import type { TemplateLayout } from './types';

export { LANGUAGES };
export type { TemplateLayout } from './types';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge for layout data: objects merge key by key, arrays and scalars replace. */
export function applyOverride<T>(base: T, override: unknown): T {
  if (!isObject(base) || !isObject(override)) return (override === undefined ? base : override) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = isObject(v) && isObject(out[k]) ? applyOverride(out[k], v) : v;
  return out as T;
}

function build(): TemplateLayout[] {
  const all: TemplateLayout[] = [];
  for (const fam of GENERATED) {
    let current = fam.base as TemplateLayout;
    all.push(current);
    for (const o of fam.overrides) {
      current = applyOverride(current, o.override);
      all.push(current);
    }
  }
  return all;
}

export const LAYOUTS: readonly TemplateLayout[] = build();

/** Versions compare as decimals, the way RMI numbers them: 6.01 < 6.1 < 6.22 < 6.4 < 6.5. */
export function compareVersions(a: string, b: string): number {
  return Number(a) - Number(b);
}

export function layoutsOf(family: Family): TemplateLayout[] {
  return LAYOUTS.filter((l) => l.family === family).sort((x, y) => compareVersions(x.version, y.version));
}

export function newestVersion(family: Family): string | null {
  const list = layoutsOf(family);
  return list.length ? list[list.length - 1]!.version : null;
}

export interface LayoutChoice {
  layout: TemplateLayout;
  exact: boolean;
}

/**
 * The layout for a family and version: the exact one when known; otherwise the nearest known version
 * (the newest not above it; for a version older than all known, the oldest).
 */
export function chooseLayout(family: Family, version: string): LayoutChoice | null {
  const list = layoutsOf(family);
  if (!list.length) return null;
  const exact = list.find((l) => compareVersions(l.version, version) === 0);
  if (exact) return { layout: exact, exact: true };
  const n = Number(version);
  if (!Number.isFinite(n)) return { layout: list[list.length - 1]!, exact: false };
  const below = list.filter((l) => Number(l.version) <= n);
  return { layout: below.length ? below[below.length - 1]! : list[0]!, exact: false };
}

/**
 * Preview entry (development only, never in the production bundle): the real task pane over the simulated Excel
 * workbook of src/excel/fake, loaded from the grid the preview server read from an .xlsx file. No office.js, no
 * request beyond the server it came from.
 *
 * Query parameters:
 *   workbook=NAME   which of the server's workbooks to open (default: the first)
 *   theme=dark      start with Office's dark theme (the side panel switches it live)
 *   now=ISO-DATE    "today" for the review (deterministic screenshots and tests)
 *   chrome=0        the pane alone, without the side panel (screenshots)
 *   width=PX        pane width (default 400; the pane supports 300-500)
 *   api=1.N         highest ExcelApi version to simulate (default 1.18)
 *   protection=P    "no-password" (default: sheets protected without a password, as RMI publishes its templates),
 *                   "as-stored" (the file's own protection; a password-protected sheet gets the password "secret"),
 *                   or "none"
 */
import { createRoot } from 'react-dom/client';
import type { WorkbookGrid } from '../core/grid';
import { FakeWorkbook } from '../excel/fake';
import { createExcelHost, localStorageOrNull } from '../taskpane/excel-host';
import type { RunBatch } from '../taskpane/host';
import { storageStore } from '../taskpane/settings';
import { settableThemeSource } from '../taskpane/theme';
import { inspectWorkbook } from './inspect';
import { PreviewShell, type PreviewModel } from './Shell';

export interface WorkbookPayload {
  name: string;
  fileName: string;
  grid: WorkbookGrid;
}

declare global {
  interface Window {
    __cmrtPreview?: PreviewModel & { ready: boolean };
  }
}

function fail(message: string): void {
  const root = document.getElementById('root');
  if (root) {
    root.textContent = '';
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.style.cssText = 'font: 14px sans-serif; padding: 16px; color: #a4262c';
    p.textContent = message;
    root.appendChild(p);
  }
}

async function main(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const name = params.get('workbook');
  const res = await fetch(name ? `workbooks/${encodeURIComponent(name)}.json` : 'workbooks/default.json');
  if (!res.ok) {
    fail(`The preview server has no workbook ${name ? `"${name}"` : ''} (${res.status}). Start it with: npm run preview -- FILE.xlsx`);
    return;
  }
  const payload = (await res.json()) as WorkbookPayload;
  const api = /^1\.(\d+)$/.exec(params.get('api') ?? '');
  const protection = params.get('protection');
  const workbook = FakeWorkbook.fromGrid(payload.grid, {
    apiMinor: api ? Number(api[1]) : 18,
    protection: protection === 'as-stored' ? 'grid' : protection === 'none' ? 'none' : 'no-password',
  });
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((l) => l());
  const run: RunBatch = async (batch) => {
    try {
      return await workbook.run(batch);
    } finally {
      notify();
    }
  };
  const theme = settableThemeSource(params.get('theme') === 'dark');
  const host = createExcelHost({
    kind: 'preview',
    run,
    isSetSupported: workbook.isSetSupported,
    settings: storageStore(localStorageOrNull(), 'Kept in this browser profile (localStorage); the preview sends nothing anywhere.'),
    theme,
  });
  const nowParam = params.get('now');
  const fixedNow = nowParam && !Number.isNaN(Date.parse(nowParam)) ? new Date(nowParam) : null;
  const model: PreviewModel = {
    payload,
    workbook,
    host,
    theme,
    now: fixedNow ? () => new Date(fixedNow) : undefined,
    inspect: () => inspectWorkbook(workbook),
    subscribe: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    chrome: params.get('chrome') !== '0',
    width: Math.min(500, Math.max(300, Number(params.get('width')) || 400)),
  };
  window.__cmrtPreview = { ...model, ready: true };
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<PreviewShell model={model} />);
}

main().catch((e: unknown) => fail(`The preview could not start: ${e instanceof Error ? e.message : String(e)}`));

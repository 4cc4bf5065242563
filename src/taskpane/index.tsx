/**
 * Task pane entry point (production): waits for office.js, then renders the pane over real Excel. The preview
 * harness (src/preview) renders the same <Root> over the simulated workbook instead.
 */
import { createRoot } from 'react-dom/client';
import { Root } from './components/Root';
import { createOfficeHost } from './excel-host';
import { NoExcel } from './components/NoExcel';

function render(inExcel: boolean): void {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(inExcel ? <Root host={createOfficeHost()} /> : <NoExcel />);
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady((info) => render(info.host === Office.HostType.Excel));
} else {
  // Opened outside Office (office.js did not load, e.g. a plain browser tab).
  render(false);
}

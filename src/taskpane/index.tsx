/**
 * Task pane entry point. A minimal placeholder: the review app replaces the contents of <App />.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, Text, Title2, webLightTheme } from '@fluentui/react-components';

function App() {
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100%', padding: 16, boxSizing: 'border-box' }}>
      <Title2 as="h1">CMRT Review</Title2>
      <Text as="p" block>
        Check a conflict minerals reporting template before you send it, or review the ones your suppliers send you.
      </Text>
    </FluentProvider>
  );
}

function render(): void {
  const container = document.getElementById('root');
  if (container) createRoot(container).render(<App />);
}

// Outside Office (office.js unavailable, e.g. opened in a plain browser) render straight away.
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => render());
} else {
  render();
}

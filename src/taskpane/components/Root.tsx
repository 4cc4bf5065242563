/**
 * The frame: FluentProvider with Office's light or dark theme, the host context, and the pane.
 */
import { useSyncExternalStore } from 'react';
import { FluentProvider, makeStyles, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { ExcelHost } from '../host';
import { HostProvider } from '../context';
import { App } from './App';

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
});

export function Root({ host, now }: { host: ExcelHost; now?: () => Date }) {
  const styles = useStyles();
  const dark = useSyncExternalStore(host.theme.subscribe, host.theme.isDark);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.provider} data-theme={dark ? 'dark' : 'light'}>
      <HostProvider host={host}>
        <App now={now} />
      </HostProvider>
    </FluentProvider>
  );
}

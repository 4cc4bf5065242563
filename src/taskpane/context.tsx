/**
 * The ExcelHost for components: <HostProvider host={...}> at the root, useHost() below it.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { ExcelHost } from './host';

const HostContext = createContext<ExcelHost | null>(null);

export function HostProvider({ host, children }: { host: ExcelHost; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

export function useHost(): ExcelHost {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost() needs a <HostProvider> above it.');
  return host;
}

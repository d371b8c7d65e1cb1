import { useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { PublicSettings } from '../../contracts/settings.js';
import { ErrorState } from './ui/ErrorState.js';
import { api } from './endpoints.js';

const SettingsContext = createContext<PublicSettings | undefined>(undefined);

/** Loads the deployment's settings once; the app renders when they are known. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const settings = useQuery({
    queryKey: ['settings'],
    queryFn: ({ signal }) => api.getSettings(signal),
    staleTime: Infinity,
  });
  if (settings.error) {
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  if (!settings.data) {
    return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;
  }
  return <SettingsContext.Provider value={settings.data}>{children}</SettingsContext.Provider>;
}

export function useSettings(): PublicSettings {
  const settings = useContext(SettingsContext);
  if (!settings) throw new Error('useSettings must be used inside SettingsProvider');
  return settings;
}

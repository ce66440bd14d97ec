import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { ApiCallError } from './api/client';
import { notifyFailure } from './api/useCall';
import { readAccessToken } from './api/token';
import { theme } from './theme';

readAccessToken(); // take the token out of the address bar before the router sees the URL

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => notifyFailure('Could not load data', error instanceof ApiCallError ? error.apiError : { code: 'INTERNAL', message: error.message }),
  }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={localStorageColorSchemeManager({ key: 'hashdesk.color-scheme' })}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

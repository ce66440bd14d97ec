import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { NotificationsAfterPaint } from './components/NotificationsAfterPaint';
import { AuthGate } from './features/auth/AuthGate';
import { DatabaseHealthGate } from './features/backups/DatabaseHealthGate';
import { NoAccessPage } from './features/placeholders/NoAccessPage';
import { ApiCallError } from './api/client';
import { notifyFailure } from './api/useCall';
import { readAccessToken, servedOnOfficeNetwork } from './api/token';
import { startFirstScreen } from './api/first-reads';
import { theme } from './theme';

// Take the token out of the address bar before the router sees the URL. The desktop app needs none, nor the office network (sign-in).
const hasAccess = Boolean(window.api) || servedOnOfficeNetwork() || readAccessToken() !== null;

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      const apiError = error instanceof ApiCallError ? error.apiError : { code: 'INTERNAL' as const, message: error.message };
      // A record the page says is not there (components/NotFound) needs no second, red word.
      if (apiError.code === 'NOT_FOUND' && query.meta?.notFoundShownInPage) return;
      // Asked ahead at start (api/first-reads): the page asks again when it shows and says so there.
      if (query.meta?.askedAhead) return;
      // A call refused for want of a live session: the sign-in screen (features/auth/AuthGate) says why instead.
      if (apiError.code === 'UNAUTHORIZED') return;
      notifyFailure('Could not load data', apiError);
    },
  }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

if (hasAccess) startFirstScreen(queryClient, window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={localStorageColorSchemeManager({ key: 'hashdesk.color-scheme' })}>
      <NotificationsAfterPaint />
      <QueryClientProvider client={queryClient}>
        {hasAccess ? (
          // Navigations commit at once, not in a transition: a list's view lives in the address, and a change made
          // while a transition was still pending was built on the old view and undid the change before it.
          <BrowserRouter useTransitions={false}>
            <AuthGate>
              <DatabaseHealthGate>
                <App />
              </DatabaseHealthGate>
            </AuthGate>
          </BrowserRouter>
        ) : (
          <NoAccessPage />
        )}
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);

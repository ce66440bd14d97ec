import { AppShell, Badge, Burger, Center, Loader, NavLink, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useState } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router';
import { AppHeader } from './components/AppHeader';
import { mainContentId, SkipLink } from './components/SkipLink';
import { usePermissions } from './api/usePermissions';
import { useFocusFirstInvalid } from './components/useFocusFirstInvalid';
import { useAlertNotifications } from './features/alerts/useAlertNotifications';
import { NotFoundPage } from './features/placeholders/NotFoundPage';
import { NotPermittedPage } from './features/placeholders/NotPermittedPage';
import { lazyNamed } from './components/lazyNamed';
import { ShortcutsButton } from './features/shortcuts/ShortcutsButton';
import { useAppCommands } from './features/shortcuts/useAppCommands';
import { appRoutes, isRouteOf, type AppRoute } from './routes';

/**
 * The page links, the only part of the shell that follows the address: a list's filters live in its query string,
 * and a change there re-renders this, not the whole shell.
 */
function MainNavigation({ routes, openAlerts }: { routes: AppRoute[]; openAlerts: number }) {
  const { pathname } = useLocation();
  return (
    <>
      {routes.map((route) => (
        <NavLink
          key={route.path}
          component={Link}
          to={route.path}
          label={route.label}
          leftSection={<route.icon size={18} stroke={1.6} />}
          active={isRouteOf(route, pathname)}
          rightSection={
            route.countsAlerts && openAlerts > 0 ? (
              <Badge color="red" size="sm" circle={openAlerts < 10} aria-label={`${openAlerts} open alerts`}>
                {openAlerts > 999 ? '999+' : openAlerts}
              </Badge>
            ) : undefined
          }
          variant="filled"
        />
      ))}
    </>
  );
}

// Opened by "?" or the menu: a script of its own, fetched the first time.
const ShortcutSheet = lazyNamed(() => import('./features/shortcuts/ShortcutSheet'), 'ShortcutSheet');

export function App() {
  const [opened, { toggle }] = useDisclosure();
  const [sheetOpened, setSheetOpened] = useState(false);
  useAppCommands(() => setSheetOpened(true));
  const openAlerts = useAlertNotifications();
  useFocusFirstInvalid();
  const can = usePermissions();
  const shown = appRoutes.filter((route) => can(route.permission).allowed);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <SkipLink />
      <AppHeader
        subtitle="Hosting management, offline"
        leading={<Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />}
        actions={<ShortcutsButton onClick={() => setSheetOpened(true)} />}
      />
      {sheetOpened && (
        <Suspense>
          <ShortcutSheet opened onClose={() => setSheetOpened(false)} />
        </Suspense>
      )}
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <ScrollArea>
          <MainNavigation routes={shown} openAlerts={openAlerts} />
        </ScrollArea>
      </AppShell.Navbar>
      {/* tabIndex -1: the skip link can focus the page without adding a Tab stop. */}
      <AppShell.Main id={mainContentId} tabIndex={-1} style={{ outline: 'none' }}>
        <Suspense
          fallback={
            <Center py="xl">
              <Loader aria-label="Loading the page" />
            </Center>
          }
        >
          <Routes>
            {appRoutes.map((route) => (
              <Route
                key={route.path}
                path={route.path === '/' ? '/' : `${route.path}/*`}
                element={
                  can(route.permission).allowed ? route.page.element : <NotPermittedPage reason={can(route.permission).reason} firstAllowed={shown[0]} />
                }
              />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

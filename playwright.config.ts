import { defineConfig } from '@playwright/test';

/** The features Playwright itself disables in Chromium (playwright-core 1.65, chromiumSwitches); see launchOptions. */
const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // Spec files run side by side when asked (npm test asks for two): each starts its own serve on its own data
  // folder and its own loopback addresses. The timeouts only stop a hung test; they are not speed checks.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: 0,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Chromium's own background traffic is pointless offline and refused by this network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // Chromium builds its address bar's popup as a web page of its own in every browser (a renderer loading
        // about 80 scripts), which a test never shows: it took CPU from the app under test. Chromium keeps only the
        // last --disable-features, so this one repeats the list Playwright 1.65 passes (its chromiumSwitches) and adds
        // the two popups, as Puppeteer does by default.
        `--disable-features=${[...playwrightDisabledFeatures, 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'].join(',')}`,
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});

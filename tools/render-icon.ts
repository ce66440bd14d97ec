// Renders build/icon.svg to build/icon.png (1024×1024, transparent) with Chromium, for electron-builder.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import config from '../playwright.config';

const browser = await chromium.launch(config.use?.launchOptions);
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${readFileSync('build/icon.svg', 'utf8')}`);
await page.locator('svg').screenshot({ path: 'build/icon.png', omitBackground: true });
await browser.close();
console.log('build/icon.png written');

import { chromium } from 'playwright-core';
const [src, out, x, y, w, h] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1400, height: 1000 } });
await p.setContent(`<body style="margin:0"><img src="data:image/png;base64,${(await import('node:fs')).readFileSync(src).toString('base64')}"></body>`); await p.setViewportSize({ width: 1400, height: 4000 });
await p.screenshot({ path: out, clip: { x: +x, y: +y, width: +w, height: +h } });
await b.close();

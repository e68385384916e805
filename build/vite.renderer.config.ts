// Vite config of the renderer: root renderer/, output dist/renderer, relative base (works under app:// and the preview);
// one chunk of domain texts per language, written from shared/knowledge (loaded on demand by i18n/domain-text.ts);
// prints the gzipped JavaScript size and fails the build above the 300 KB budget.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { languageTable } from '../shared/knowledge/texts.ts';
import { LANGS, type Lang } from '../shared/contract/ids.ts';

const BUDGET_BYTES = 300 * 1024;
const root = fileURLToPath(new URL('../renderer', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

function sizeBudget(): Plugin {
  return {
    name: 'msi-doctor-size-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      let raw = 0;
      let gzip = 0;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        raw += chunk.code.length;
        gzip += gzipSync(chunk.code, { level: 9 }).length;
      }
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(`renderer JavaScript: ${kb(raw)} raw, ${kb(gzip)} gzipped (budget ${kb(BUDGET_BYTES)} gzipped)`);
      if (gzip > BUDGET_BYTES)
        this.error(`renderer JavaScript is ${kb(gzip)} gzipped, over the ${kb(BUDGET_BYTES)} budget`);
    },
  };
}

const DOMAIN_TEXTS = 'virtual:domain-texts/';

/** `import('virtual:domain-texts/<lang>')`: that language's texts as one JSON string (parsed faster than a literal). */
function domainTexts(): Plugin {
  return {
    name: 'msi-doctor-domain-texts',
    resolveId: (id) => (id.startsWith(DOMAIN_TEXTS) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${DOMAIN_TEXTS}`)) return null;
      const lang = id.slice(DOMAIN_TEXTS.length + 1);
      if (!(LANGS as readonly string[]).includes(lang)) this.error(`no domain texts for language "${lang}"`);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(languageTable(lang as Lang)))});`;
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), domainTexts(), sizeBudget()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    reportCompressedSize: false,
    // The gzip budget above is the real limit; Vite's raw-size warning would only be noise.
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1' },
});

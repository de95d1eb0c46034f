// WXT build configuration: Preact through Vite, and a manifest with no host permissions (optional ones only).
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  // Explicit imports everywhere, so a reader can see every dependency.
  imports: false,
  // NO_MINIFY=1 keeps function names, for CPU profiles of the service worker (scripts/bench).
  vite: () => ({ plugins: [preact()], build: process.env.NO_MINIFY ? { minify: false } : {} }),
  // The Firefox sources zip is for a store reviewer to rebuild from: screenshots of local test runs do not belong in it.
  zip: { excludeSources: ['test-results/**'] },
  manifest: ({ browser }) => ({
    name: 'Second Source',
    description: 'Checks the figures of the article you are reading against other reports, on your own machine.',
    permissions: ['activeTab', 'scripting', 'storage'],
    // Asked at run time, from the reader's click in the options page, for exactly the sites they list "to keep
    // automatically"; nothing is granted at install. No host_permissions key at all.
    optional_host_permissions: ['*://*/*'],
    action: { default_title: 'Second Source: check this article' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'second-source@example.org',
              // data_collection_permissions needs Firefox 140 (addons-linter: KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // ...and Firefox for Android 142 (KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

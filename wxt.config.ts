// WXT build configuration: Preact through Vite, and a manifest with no host permissions.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  // Explicit imports everywhere, so a reader can see every dependency.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Second Source',
    description: 'Checks the figures of the article you are reading against other reports, on your own machine.',
    permissions: ['activeTab', 'scripting', 'storage'],
    action: { default_title: 'Second Source: check this article' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'second-source@example.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

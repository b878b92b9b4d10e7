import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts so unit tests do not load the extension build plugins.
export default defineConfig({
  // zustand's React binding runs on Preact, as in the build (@preact/preset-vite aliases the same way).
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    typecheck: { enabled: false },
    // Processed by Vite (not loaded by Node) so the alias above reaches zustand's import of react.
    server: { deps: { inline: ['zustand'] } },
  },
});

import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts so unit tests do not load the extension build plugins.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    typecheck: { enabled: false },
  },
});

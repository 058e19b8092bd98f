import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/conformance/**/*.test.ts'],
    // Property-based and corpus tests parse hundreds of files; give them room on a 2-core machine.
    testTimeout: 60_000,
  },
});

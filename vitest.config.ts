// Unit tests run in Node next to the code they test (`src/**/*.test.ts`, `content/**/*.test.ts`, and the replay's pure parts: `real/**/*.test.ts`).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'content/**/*.test.ts', 'real/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Node has every load-balancer product at once (the browser loads them one by one: src/store/productLoader.ts).
    setupFiles: ['src/sim/products/engine/all.ts'],
  },
})

import { configDefaults, defineConfig } from 'vitest/config';

/** The slow geo checks, in a project of their own (`npm run test:geo`) so that `npm test` stays quick. */
const GEO_REBUILD = ['geo/lib/national/national.test.ts', 'geo/lib/boundaries/boundaries.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          maxWorkers: 2,
          include: ['src/**/*.test.ts', 'geo/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...GEO_REBUILD],
        },
      },
      {
        // The committed boundary files checked against their sources and rebuilt from them byte for byte: two thirds of
        // the unit time, for what changes only with geo/ (its sources or build code). `npm run test:geo`; CI runs them.
        test: {
          name: 'geo',
          environment: 'node',
          maxWorkers: 2,
          include: [...GEO_REBUILD],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Two files at a time, one per core: a file spends much of its time waiting on its browser's pages. After the
          // unit and geo projects, not mixed with them: mixed, `npm test` took longer (docs/performance.md, "Fourth pass").
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          // The files share no state but the browsers; reusing a worker's imports (playwright's above all) saves its CPU.
          isolate: false,
          // No retries: a test that needs one waits on the wrong thing (a signal, never a fixed time: atlas-page.ts).
          retry: 0,
          // expect.poll waits up to 1 s by default; panels and maps load in stages that a busy machine stretches.
          expect: { poll: { timeout: 5_000 } },
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // ESM-only packages (jose, kdbush, geokdbush and its tinyqueue) are turned into CommonJS for jest's module system.
    '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose|kdbush|geokdbush|tinyqueue)/)'],
  // Probes MySQL and Redis once (and builds dist/ for the tests that start the real process).
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60_000,
  maxWorkers: 2,
};

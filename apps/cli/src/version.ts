/** Kept equal to apps/cli/package.json "version" (a test checks it). */
export const VERSION = '0.1.0';

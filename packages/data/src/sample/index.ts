/** The bundled ISS sample element set (cited in iss-sample.ts) and seeding of an empty store. */
export * from './iss-sample.js';
export * from './seed.js';

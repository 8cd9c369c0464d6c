export { gtd7, gtd7d, MSIS_AP_ARRAY_SWITCHES, MSIS_DEFAULT_SWITCHES, type MsisOutput } from './gtd7.js';
export type { MsisInput } from './globe.js';
export type { MsisSwitches } from './state.js';

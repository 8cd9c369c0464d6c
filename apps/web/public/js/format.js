/** Display formatting: units always shown; times in UTC. */
export const fmtLat = (deg) => `${Math.abs(deg).toFixed(3)}° ${deg >= 0 ? 'N' : 'S'}`;
export const fmtLon = (deg) => `${Math.abs(deg).toFixed(3)}° ${deg >= 0 ? 'E' : 'W'}`;
export const fmtKm = (km, digits = 1) => `${km.toFixed(digits)} km`;
export const hms = (iso) => (iso ? iso.slice(11, 19) : '—');
export const ymd = (iso) => (iso ? iso.slice(0, 10) : '—');
export const duration = (s) => (s === null || s === undefined ? '—' : `${Math.floor(s / 60)}m ${String(Math.round(s % 60)).padStart(2, '0')}s`);
const compassNames = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];
export const compass = (azDeg) => compassNames[Math.round(azDeg / 45) % 8];
export const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

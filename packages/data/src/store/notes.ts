/**
 * The reader's note when the store holds no Earth-orientation data: one text for every app that reads the store
 * (`stationkeeper now`, the server's routes). Bounds: |UT1 − UTC| < 0.9 s by the definition of UTC (IERS), polar
 * motion < 0.6″ (the amplitude of the IERS pole series), i.e. < 0.5 km of ground position for the ISS.
 */
export const NO_STORED_EOP_NOTE =
  "no Earth-orientation data in the store: UT1 taken as UTC (< 0.9 s), no polar motion (< 0.6″) — < 0.5 km on the ground; 'stationkeeper update' fetches it.";

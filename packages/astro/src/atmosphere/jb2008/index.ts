export { jb2008, type Jb2008Indices, type Jb2008Input, type Jb2008Output } from './jb2008.js';
export { jb2008DayOfYear, jb2008DtcLstK, jb2008Semiannual } from './corrections.js';
export { jb2008D1950, jb2008DriverSun, jb2008GreenwichRaRad } from './driver-almanac.js';
export {
  jb2008Drivers, JB2008_LAG_DAYS, type Jb2008DriverSource, type Jb2008DtcDay, type Jb2008IndexData, type Jb2008SolarDay,
} from './jb2008-indices.js';

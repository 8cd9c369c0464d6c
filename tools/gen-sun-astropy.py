#!/usr/bin/python3
"""Second, independent Sun reference for packages/astro/src/bodies/sun.ts, with Debian's python3-astropy
(the peer issue 4 names): astropy's own coordinate pipeline rather than hand-called ERFA routines.

Run:  /usr/bin/python3 tools/gen-sun-astropy.py > packages/astro/src/bodies/fixtures/sun-astropy.json

What it computes, at the 601 epochs of tools/gen-sun-reference.py (1950-2100, TT, same deterministic jitter):
  astropy.coordinates.get_sun(t)  -> apparent geocentric Sun in GCRS (light-time and aberration included;
                                     astropy 5.2 takes the Earth and Sun from ERFA epv00, its built-in ephemeris)
  .transform_to(TETE(obstime=t))  -> true equator and true equinox of date (IAU 2006/2000A through astropy's
                                     frame graph: GCRS -> CIRS -> TETE with the equation of the origins)
Offline: IERS auto-download is off. GCRS -> TETE needs no Earth rotation, and astropy's fallbacks outside its
bundled IERS-B table (UT1-UTC = 0, mean polar motion) move the Sun's direction by far less than 0.001 arcsec.
Columns: mjd_tt, ra_deg, dec_deg (apparent, true of date), distance_au.
"""
import json
import math
import warnings

from astropy.utils import iers

iers.conf.auto_download = False
iers.conf.iers_degraded_accuracy = 'warn'  # 5.2 knows error|warn|ignore; warnings are silenced below
import astropy  # noqa: E402
import astropy.units as u  # noqa: E402
from astropy.coordinates import TETE, get_sun  # noqa: E402
from astropy.time import Time  # noqa: E402

warnings.simplefilter('ignore')


def epochs():
    # The epoch rule of tools/gen-sun-reference.py (MJD of 1950-01-01 and 2100-01-01, 0h).
    mjd0, mjd1 = 33282.0, 88069.0
    n = 601
    out = []
    for k in range(n):
        jitter = ((k * 7919) % 97) / 97.0 * 0.25
        out.append(mjd0 + (mjd1 - mjd0) * k / (n - 1) + (jitter if k < n - 1 else 0.0))
    return out


def main():
    mjds = epochs()
    t = Time(mjds, format='mjd', scale='tt')
    tete = get_sun(t).transform_to(TETE(obstime=t))
    rows = [
        [round(m, 9), float(ra), float(dec), float(d)]
        for m, ra, dec, d in zip(mjds, tete.ra.deg, tete.dec.deg, tete.distance.to(u.au).value)
    ]
    out = {
        'header': {
            'fixture': 'sun-astropy',
            'generator': 'tools/gen-sun-astropy.py (run with /usr/bin/python3)',
            'peer': 'astropy %s (Debian python3-astropy): get_sun -> TETE' % astropy.__version__,
            'columns': ['mjd_tt', 'ra_deg (apparent, true equator and equinox of date)', 'dec_deg', 'distance_au'],
        },
        'rows': rows,
    }
    print(json.dumps(out, separators=(',', ':')))


main()

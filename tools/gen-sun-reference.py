#!/usr/bin/python3
"""Independent reference for the analytic Sun series in packages/astro/src/bodies/sun.ts.

Run:  /usr/bin/python3 tools/gen-sun-reference.py > packages/astro/src/bodies/fixtures/sun-erfa.json
      /usr/bin/python3 tools/gen-sun-reference.py --moon > packages/astro/src/bodies/fixtures/moon-erfa.json

--moon: the Moon from ERFA moon98 (GCRS geometric, SOFA's implementation of the Meeus 1998 / ELP-2000/82
series with its own coefficients), rotated to the true equator and equinox of date with eraPnm06a; 301 epochs
1950-2100. An independent implementation of a comparable theory: agreement is limited by both truncations.

Peer: Debian python3-erfa (pyerfa 2.0.0.1 over liberfa 2.0.0, the C port of IAU SOFA). No JPL .bsp ships with
Debian's python3-skyfield (dpkg -L python3-skyfield lists none) and the machine is offline, so the Sun comes
from ERFA epv00 (Earth heliocentric and barycentric position/velocity, a fit to VSOP2000 / DE405; ERFA quotes
Earth position errors up to ~4.6 km ~ 0.006 arcsec as seen from Earth, 1900-2100).

Apparent geocentric Sun, true equator and equinox of date:
  1. geometric: Sun barycentric at t - light time minus Earth barycentric at t (both epv00; iterated twice);
  2. annual aberration: eraAb with Earth's barycentric velocity (no light deflection for the Sun itself);
  3. GCRS -> true equator/equinox of date: eraPnm06a (IAU 2006 precession + IAU 2000A nutation + frame bias).
TDB is taken equal to TT (|TDB - TT| < 2 ms, i.e. < 1e-7 deg of solar motion).
Epochs: 601 instants spread evenly over 1950-01-01..2100-01-01 TT plus a deterministic quarter-day jitter.
"""
import json
import math
import erfa

DJ00 = 2451545.0
C_AU_PER_DAY = erfa.CMPS * erfa.DAYSEC / erfa.DAU


def pv_parts(pv):
    return [float(x) for x in pv['p']], [float(x) for x in pv['v']]


def sun_apparent(mjd_tt):
    pvh, pvb = erfa.epv00(2400000.5, mjd_tt)
    eh, _ = pv_parts(pvh)
    eb, ebv = pv_parts(pvb)
    tau = 0.0
    for _ in range(3):
        pvh2, pvb2 = erfa.epv00(2400000.5, mjd_tt - tau)
        h2, _ = pv_parts(pvh2)
        b2, _ = pv_parts(pvb2)
        sun_bary = [b2[i] - h2[i] for i in range(3)]
        geo = [sun_bary[i] - eb[i] for i in range(3)]
        dist = math.sqrt(sum(x * x for x in geo))
        tau = dist / C_AU_PER_DAY
    unit = [x / dist for x in geo]
    v = [x / C_AU_PER_DAY for x in ebv]
    bm1 = math.sqrt(1 - sum(x * x for x in v))
    sun_earth_au = math.sqrt(sum(x * x for x in eh))
    ppr = erfa.ab(unit, v, sun_earth_au, bm1)
    rbpn = erfa.pnm06a(2400000.5, mjd_tt)
    tod = erfa.rxp(rbpn, ppr)
    ra, dec = erfa.c2s(tod)
    return float(erfa.anp(ra)), float(dec), dist


def moon_main():
    start = float(erfa.cal2jd(1950, 1, 1)[1])
    end = float(erfa.cal2jd(2100, 1, 1)[1])
    rows = []
    n = 301
    for k in range(n):
        mjd = start + (end - start) * k / (n - 1) + ((k * 7919) % 89) / 89.0
        pv = erfa.moon98(2400000.5, mjd)
        p = [float(x) for x in pv[0]]
        tod = erfa.rxp(erfa.pnm06a(2400000.5, mjd), p)
        ra, dec = erfa.c2s(tod)
        dist_km = math.sqrt(sum(x * x for x in p)) * erfa.DAU / 1000.0
        rows.append([round(mjd, 9), math.degrees(float(erfa.anp(ra))), math.degrees(float(dec)), dist_km])
    out = {
        'header': {
            'fixture': 'moon-erfa',
            'generator': 'tools/gen-sun-reference.py --moon (run with /usr/bin/python3)',
            'peer': 'pyerfa %s (Debian python3-erfa), moon98 + pnm06a' % erfa.__version__,
            'columns': ['mjd_tt', 'ra_deg (geometric, true equator and equinox of date)', 'dec_deg', 'distance_km'],
        },
        'rows': rows,
    }
    print(json.dumps(out, separators=(',', ':')))


def main():
    start = erfa.cal2jd(1950, 1, 1)
    end = erfa.cal2jd(2100, 1, 1)
    mjd0 = float(start[1])
    mjd1 = float(end[1])
    rows = []
    n = 601
    for k in range(n):
        jitter = ((k * 7919) % 97) / 97.0 * 0.25
        mjd = mjd0 + (mjd1 - mjd0) * k / (n - 1) + (jitter if k < n - 1 else 0.0)
        ra, dec, dist = sun_apparent(mjd)
        rows.append([round(mjd, 9), math.degrees(ra), math.degrees(dec), dist])
    out = {
        'header': {
            'fixture': 'sun-erfa',
            'generator': 'tools/gen-sun-reference.py (run with /usr/bin/python3)',
            'peer': 'pyerfa %s (Debian python3-erfa), epv00 + ab + pnm06a' % erfa.__version__,
            'columns': ['mjd_tt', 'ra_deg (apparent, true equator and equinox of date)', 'dec_deg', 'distance_au (geometric, light-time corrected)'],
            'accuracy': 'epv00 vs DE405: <= ~0.006 arcsec in direction; the reference is ~1000x better than the 0.005 deg bound under test',
        },
        'rows': rows,
    }
    print(json.dumps(out, separators=(',', ':')))


import sys
if '--moon' in sys.argv:
    moon_main()
else:
    main()

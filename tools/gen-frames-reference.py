#!/usr/bin/python3
"""Generates the two reference fixtures of packages/astro/src/frames/fixtures/.

1. frames-eop.json — for every case of ../shared/reference/frames.json: the TT and UT1 two-part Julian dates and
   the polar motion x_p, y_p (arcsec) that Skyfield 1.45 used for that case (finals2000A.all loaded exactly as the
   shared generator did: Loader(dir).timescale(builtin=False) + iers.install_polar_motion_table). This lets the
   frame math be tested against frames.json as pure functions of explicit angles, independent of the time package.
2. erfa-series.json — ERFA (python3-erfa 2.0.0.1, liberfa 2.0.0, i.e. SOFA) outputs at 41 dates 1900–2100 for the
   precession–nutation pieces: nut06a, obl06, pnm06a, xys06a (X, Y, s), era00, gmst06, gmst82, gst06a, eo06a, sp00,
   pom00, c2ixys and c2tcio.

Run: /usr/bin/python3 tools/gen-frames-reference.py   (needs ../shared beside the checkout or $STATIONKEEPER_SHARED)
"""
import gzip
import json
import math
import os
import shutil

import erfa
from skyfield.api import Loader
from skyfield.data import iers

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
SHARED = os.environ.get('STATIONKEEPER_SHARED') or os.path.join(ROOT, '..', 'shared')
OUT = os.path.join(ROOT, 'packages', 'astro', 'src', 'frames', 'fixtures')
EOPDIR = '/tmp/gen-frames-eop'

os.makedirs(EOPDIR, exist_ok=True)
with gzip.open(os.path.join(SHARED, 'data', 'eop', 'finals2000A.all.gz')) as src, \
        open(os.path.join(EOPDIR, 'finals2000A.all'), 'wb') as dst:
    shutil.copyfileobj(src, dst)
load = Loader(EOPDIR)
ts = load.timescale(builtin=False)
with load.open('finals2000A.all') as fh:
    finals = iers.parse_x_y_dut1_from_finals_all(fh)
iers.install_polar_motion_table(ts, finals)

frames = json.load(open(os.path.join(SHARED, 'reference', 'frames.json')))
cases = []
for c in frames['cases']:
    date, clock = c['utc'].rstrip('Z').split('T')
    y, mo, d = (int(v) for v in date.split('-'))
    h, mi, s = clock.split(':')
    t = ts.utc(y, mo, d, int(h), int(mi), float(s))
    sprime, xp, yp = t.polar_motion_angles()
    cases.append({
        'id': c['id'],
        'tt': [float(t.whole), float(t.tt_fraction)],
        'ut1': [float(t.whole), float(t.ut1_fraction)],
        'xpArcsec': float(xp), 'ypArcsec': float(yp),
    })
with open(os.path.join(OUT, 'frames-eop.json'), 'w') as fh:
    json.dump({
        'source': 'tools/gen-frames-reference.py: Skyfield 1.45 (Debian python3-skyfield 1.45+ds-2) with '
                  '../shared/data/eop/finals2000A.all.gz, the same loading as ../shared/reference/frames.json',
        'fields': 'id = frames.json case id; tt, ut1 = two-part JD [whole, fraction]; xpArcsec, ypArcsec = polar '
                  'motion interpolated linearly in TT between daily finals values (Skyfield polar_motion_angles)',
        'cases': cases,
    }, fh, indent=0)

series = []
for k in range(41):
    # 1900..2100 every 5 years plus an odd fraction so that all phases are exercised
    tt1, tt2 = 2415020.5 + k * 1826.25, 0.3173 + 0.0191 * k
    ut1, ut2 = tt1, tt2 - 64.0 / 86400.0
    xp, yp = (0.1 + 0.004 * k) / 206264.80624709636, (0.35 - 0.006 * k) / 206264.80624709636
    dpsi, deps = erfa.nut06a(tt1, tt2)
    x, y, s = erfa.xys06a(tt1, tt2)
    rc2i = erfa.c2ixys(x, y, s)
    era = erfa.era00(ut1, ut2)
    sp = erfa.sp00(tt1, tt2)
    rpom = erfa.pom00(xp, yp, sp)
    series.append({
        'tt': [tt1, tt2], 'ut1': [ut1, ut2], 'xpRad': xp, 'ypRad': yp,
        'dpsi06': dpsi, 'deps06': deps, 'obl06': erfa.obl06(tt1, tt2),
        'pnm06a': erfa.pnm06a(tt1, tt2).tolist(),
        'x': x, 'y': y, 's06': s, 'era00': era,
        'gmst06': erfa.gmst06(ut1, ut2, tt1, tt2), 'gmst82': erfa.gmst82(ut1, ut2),
        'gst06a': erfa.gst06a(ut1, ut2, tt1, tt2), 'eo06a': erfa.eo06a(tt1, tt2), 'sp00': sp,
        'pom00': rpom.tolist(), 'c2ixys': rc2i.tolist(), 'c2tcio': erfa.c2tcio(rc2i, era, rpom).tolist(),
    })
with open(os.path.join(OUT, 'erfa-series.json'), 'w') as fh:
    json.dump({
        'source': 'tools/gen-frames-reference.py: ERFA via Debian python3-erfa 2.0.0.1 (liberfa 2.0.0 = SOFA). '
                  'Angles in radians, matrices row-major as ERFA returns them (r[i][j]).',
        'cases': series,
    }, fh, indent=0)
print('wrote', len(cases), 'eop cases and', len(series), 'ERFA series cases to', OUT)

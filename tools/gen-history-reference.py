#!/usr/bin/python3
"""Reference mean orbits for `history` (packages/data/src/store/history-row.ts).

Reads every 21st element set of ../shared/data/iss-tle-history/ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz
and records what python-sgp4 (Debian python3-sgp4 2.15, Vallado's 2020 SGP4 port, WGS-72 constants) derives at
initialisation: the un-Kozai'd (Brouwer) mean motion `no_unkozai` (rad/min), the mean semi-major axis `a` and
the perigee/apogee altitudes `altp`, `alta` (Earth radii of 6378.135 km, WGS-72).

Run: /usr/bin/python3 tools/gen-history-reference.py > packages/data/src/store/fixtures/iss-mean-orbits.python-sgp4.json
"""
import gzip
import hashlib
import json
import os
import sys

import sgp4
from sgp4.api import WGS72, Satrec

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("STATIONKEEPER_SHARED", os.path.join(HERE, "..", "..", "shared"))
PATH = os.path.join(SHARED, "data", "iss-tle-history", "ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz")

raw = open(PATH, "rb").read()
lines = gzip.decompress(raw).decode().splitlines()
sets = [(lines[i + 1], lines[i + 2]) for i in range(0, len(lines) - 2, 3)]
cases = []
for line1, line2 in sets[::21]:
    s = Satrec.twoline2rv(line1, line2, WGS72)
    cases.append({
        "line1": line1,
        "line2": line2,
        "no_unkozai_rad_per_min": s.no_unkozai,
        "a_earth_radii": s.a,
        "altp_earth_radii": s.altp,
        "alta_earth_radii": s.alta,
    })
json.dump({
    "header": {
        "generator": "tools/gen-history-reference.py",
        "peer": "python-sgp4 (Debian python3-sgp4 2.15), Satrec.twoline2rv(..., WGS72)",
        "data": "ISS_25544_2021-01-01_2022-03-03_gp_history.3le.gz md5 " + hashlib.md5(raw).hexdigest() + ", every 21st set",
        "units": "no_unkozai rad/min; a, altp, alta in Earth radii of 6378.135 km (WGS-72)",
        "meaning": "SGP4 initialisation (Vallado et al. 2006, initl): Brouwer mean motion from the Kozai mean motion; a = (xke/no)^(2/3)",
        "sgp4_module": getattr(sgp4, "__file__", "?"),
    },
    "cases": cases,
}, sys.stdout, indent=1)
sys.stdout.write("\n")

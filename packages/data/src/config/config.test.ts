import fc from 'fast-check';
import { ParseError } from '@stationkeeper/astro/errors';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfigPath, defaultDataDir, expandHome, loadConfig, parseConfig, resolveConfigPath, validateConfig } from './config.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sk-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('config location', () => {
  it('follows XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultConfigPath({ XDG_CONFIG_HOME: '/x/cfg' }, '/home/u')).toBe('/x/cfg/stationkeeper/config.json');
    expect(defaultConfigPath({}, '/home/u')).toBe('/home/u/.config/stationkeeper/config.json');
    expect(defaultConfigPath({ XDG_CONFIG_HOME: '' }, '/home/u')).toBe('/home/u/.config/stationkeeper/config.json');
    expect(defaultDataDir({}, '/home/u')).toBe('/home/u/.local/share/stationkeeper');
    expect(defaultDataDir({ XDG_DATA_HOME: '/d' }, '/home/u')).toBe('/d/stationkeeper');
  });

  it('prefers --config, then STATIONKEEPER_CONFIG, then the default', () => {
    const env = { STATIONKEEPER_CONFIG: '/env/c.json' };
    expect(resolveConfigPath('/flag/c.json', env, '/h')).toEqual({ path: '/flag/c.json', explicit: true });
    expect(resolveConfigPath(undefined, env, '/h')).toEqual({ path: '/env/c.json', explicit: true });
    expect(resolveConfigPath(undefined, {}, '/h')).toEqual({ path: '/h/.config/stationkeeper/config.json', explicit: false });
  });

  it('expands ~/', () => {
    expect(expandHome('~/db/sk.db', '/home/u')).toBe('/home/u/db/sk.db');
    expect(expandHome('/abs', '/home/u')).toBe('/abs');
  });
});

describe('parseConfig', () => {
  it('reads the documented example', () => {
    const c = parseConfig(
      JSON.stringify({
        home: { latitudeDeg: 52.52, longitudeDeg: 13.405, heightM: 34, name: 'Berlin' },
        database: { path: '~/.local/share/stationkeeper/stationkeeper.db' },
        noradIds: [48274],
      }),
    );
    expect(c.home).toEqual({ latitudeDeg: 52.52, longitudeDeg: 13.405, heightM: 34, name: 'Berlin' });
    expect(c.noradIds).toEqual([48274]);
  });

  it('defaults heightM to 0 m', () => {
    expect(parseConfig('{"home":{"latitudeDeg":0,"longitudeDeg":0}}').home?.heightM).toBe(0);
  });

  const bad: [string, string, RegExp][] = [
    ['latitude out of range', '{"home":{"latitudeDeg":95,"longitudeDeg":0}}', /home\.latitudeDeg must be in \[-90, 90\] degrees, got 95/],
    ['longitude as a string', '{"home":{"latitudeDeg":1,"longitudeDeg":"13E"}}', /home\.longitudeDeg must be a number \(degrees\), got "13E"/],
    ['height in km by mistake', '{"home":{"latitudeDeg":1,"longitudeDeg":1,"heightM":1e6}}', /home\.heightM must be in \[-500, 9000\] metres/],
    ['a typo in a key', '{"home":{"latitude":1,"longitudeDeg":1}}', /home\.latitude is not a known setting/],
    ['an unknown top-level key', '{"hme":{}}', /config hme is not a known setting/],
    ['a non-postgres url', '{"database":{"url":"mysql://x"}}', /database\.url must be a postgres/],
    ['a bad catalog number', '{"noradIds":[25544, 0]}', /noradIds\[1\] must be an integer NORAD catalog number/],
    ['an array', '[1]', /must be a JSON object, got an array/],
  ];
  for (const [what, text, message] of bad) {
    it(`rejects ${what} with a RangeError naming the field`, () => {
      expect(() => parseConfig(text)).toThrow(RangeError);
      expect(() => parseConfig(text)).toThrow(message);
    });
  }

  it('reports broken JSON as a ParseError at the offending line and column', () => {
    const text = '{\n  "home": {\n    "latitudeDeg": 52.5,\n    "longitudeDeg": }\n}';
    try {
      parseConfig(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
      expect((e as ParseError).line).toBe(4);
      expect((e as ParseError).column).toBe(21);
    }
  });

  it('round-trips any valid home location (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -500, max: 9000, noNaN: true }),
        (lat, lon, h) => {
          // JSON has no negative zero: compare with −0 written as 0.
          const home = { latitudeDeg: lat + 0, longitudeDeg: lon + 0, heightM: h + 0 };
          expect(parseConfig(JSON.stringify({ home })).home).toEqual(home);
        },
      ),
    );
  });

  it('never lets an out-of-range latitude through (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 90, max: 1e6, noNaN: true, minExcluded: true }), fc.double({ min: -1e6, max: -90, noNaN: true, maxExcluded: true })), (lat) => {
        expect(() => validateConfig({ home: { latitudeDeg: lat, longitudeDeg: 0 } })).toThrow(/home\.latitudeDeg/);
      }),
    );
  });
});

describe('loadConfig', () => {
  it('treats a missing default file as an empty configuration', async () => {
    const r = await loadConfig({ path: join(dir, 'absent.json'), explicit: false });
    expect(r).toMatchObject({ config: {}, found: false });
  });

  it('fails for a missing file named explicitly', async () => {
    await expect(loadConfig({ path: join(dir, 'absent.json'), explicit: true })).rejects.toThrow(/absent\.json cannot be read \(not found\)/);
  });

  it('names the file in validation errors', async () => {
    const p = join(dir, 'bad.json');
    await writeFile(p, '{"home":{"latitudeDeg":-91,"longitudeDeg":0}}');
    await expect(loadConfig({ path: p, explicit: true })).rejects.toThrow(`${p}: config home.latitudeDeg`);
  });
});

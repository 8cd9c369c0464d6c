/** GET /api/db — where the store is (password masked), schema version, row counts, last ingests, objects. */
import { utcMjdToIso } from '@stationkeeper/data/formats';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../context.js';

export function registerDb(app: FastifyInstance, services: Services): void {
  app.get('/api/db', async () => {
    const store = services.ctx.store;
    const info = await store.info(5);
    const objects = await store.objects();
    return {
      ...info,
      location: services.ctx.storeDescription,
      objects: objects.slice(0, 200).map((o) => ({
        noradId: o.noradId,
        name: o.name,
        elementSetCount: o.elementSetCount,
        firstEpoch: o.firstEpochUtcMjd === null ? null : utcMjdToIso(o.firstEpochUtcMjd, 0),
        lastEpoch: o.lastEpochUtcMjd === null ? null : utcMjdToIso(o.lastEpochUtcMjd, 0),
      })),
      objectCount: objects.length,
    };
  });
}

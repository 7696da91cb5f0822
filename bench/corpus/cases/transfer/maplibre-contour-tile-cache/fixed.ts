// Contour lines generated from DEM tiles and served to the map through a custom protocol. Finished
// contour tiles are cached; with `worker: false` the manager runs on the map's own thread.
export interface ContourTile {
  arrayBuffer: ArrayBuffer;
}

export class AsyncCache<K, V> {
  private readonly values = new Map<K, Promise<V>>();

  get(key: K, create: (key: K) => Promise<V>): Promise<V> {
    let value = this.values.get(key);
    if (value === undefined) {
      value = create(key);
      this.values.set(key, value);
    }
    return value;
  }
}

export type ElevationSource = (z: number, x: number, y: number) => Promise<Float32Array>;

function encodeContourTile(elevations: Float32Array, interval: number): ArrayBuffer {
  const levels = elevations.map(height => Math.floor(height / interval));
  return new Uint8Array(levels.map(level => level & 0xff)).buffer;
}

export class LocalDemManager {
  private readonly contourCache = new AsyncCache<string, ContourTile>();

  constructor(private readonly elevations: ElevationSource) {}

  fetchContourTile(z: number, x: number, y: number, interval: number): Promise<ContourTile> {
    const key = [z, x, y, interval].join('/');
    // The map transfers whatever buffer it gets to its worker, detaching it: never hand out the
    // cached buffer itself, give every caller its own copy.
    return this.contourCache
      .get(key, async () => ({ arrayBuffer: encodeContourTile(await this.elevations(z, x, y), interval) }))
      .then(tile => ({ arrayBuffer: tile.arrayBuffer.slice(0) }));
  }
}

/** The worker path: the tile is sent back to the map's thread. */
export function prepareContourTile(promise: Promise<ContourTile>): Promise<{ value: ContourTile; transferrables: Transferable[] }> {
  return promise.then(({ arrayBuffer }) => ({ value: { arrayBuffer }, transferrables: [arrayBuffer] }));
}

/** The protocol handler the map calls for `dem-contour://z/x/y` tiles. */
export function contourProtocol(manager: LocalDemManager, interval: number) {
  return async (url: string): Promise<{ data: ArrayBuffer }> => {
    const [z, x, y] = url.replace('dem-contour://', '').split('/').map(Number);
    const tile = await manager.fetchContourTile(z, x, y, interval);
    return { data: tile.arrayBuffer };
  };
}

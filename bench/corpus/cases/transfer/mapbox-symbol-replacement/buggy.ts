// Worker side of a vector tile: symbol buckets lay out their glyph vertices into array buffers that
// are sent to the main thread; placement is redone whenever the map rotates.
export class VertexBuffer {
  arrayBuffer: ArrayBuffer;
  private float32: Float32Array;
  length = 0;

  constructor(private capacity = 64) {
    this.arrayBuffer = new ArrayBuffer(capacity * 8);
    this.float32 = new Float32Array(this.arrayBuffer);
  }

  emplaceBack(x: number, y: number): void {
    if (this.length === this.capacity) {
      this.capacity *= 2;
      const grown = new Float32Array(this.capacity * 2);
      grown.set(this.float32);
      this.arrayBuffer = grown.buffer;
      this.float32 = grown;
    }
    this.float32[this.length * 2] = x;
    this.float32[this.length * 2 + 1] = y;
    this.length++;
  }

  serialize(): { arrayBuffer: ArrayBuffer; length: number } {
    return { arrayBuffer: this.arrayBuffer, length: this.length };
  }
}

export interface Anchor {
  x: number;
  y: number;
}

export class SymbolBucket {
  buffers = { glyphVertex: new VertexBuffer() };

  constructor(readonly anchors: Anchor[]) {}

  placeFeatures(angle: number): void {
    const buffer = this.buffers.glyphVertex;
    buffer.length = 0;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    for (const anchor of this.anchors) buffer.emplaceBack(anchor.x * cos - anchor.y * sin, anchor.x * sin + anchor.y * cos); // BUG
  }
}

export function getTransferables(buckets: SymbolBucket[]): ArrayBuffer[] {
  return buckets.map(bucket => bucket.buffers.glyphVertex.arrayBuffer);
}

export interface Actor {
  postMessage(message: unknown, transfer: Transferable[]): void;
}

export class WorkerTile {
  constructor(readonly uid: number, readonly symbolBuckets: SymbolBucket[], private readonly actor: Actor) {}

  redoPlacement(angle: number): void {
    for (const bucket of this.symbolBuckets) bucket.placeFeatures(angle);
    const buckets = this.symbolBuckets.map(bucket => bucket.buffers.glyphVertex.serialize());
    this.actor.postMessage({ type: 'placement', uid: this.uid, angle, buckets }, getTransferables(this.symbolBuckets));
  }
}

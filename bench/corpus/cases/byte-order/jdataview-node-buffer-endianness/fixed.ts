// A DataView work-alike that also runs over Node Buffers: each read takes an optional byte order
// that overrides the one the view was made with.
export class JDataView {
  private readonly _isNodeBuffer: boolean;
  private readonly _view: DataView | undefined;

  constructor(
    private readonly buffer: Buffer | ArrayBuffer,
    private readonly _littleEndian = false,
  ) {
    this._isNodeBuffer = Buffer.isBuffer(buffer);
    this._view = this._isNodeBuffer ? undefined : new DataView(buffer as ArrayBuffer);
  }

  getUint32(byteOffset: number, littleEndian?: boolean): number {
    littleEndian = littleEndian === undefined ? this._littleEndian : littleEndian;
    if (this._isNodeBuffer) {
      const buffer = this.buffer as Buffer;
      return littleEndian ? buffer.readUInt32LE(byteOffset) : buffer.readUInt32BE(byteOffset);
    }
    return this._view!.getUint32(byteOffset, littleEndian);
  }
}

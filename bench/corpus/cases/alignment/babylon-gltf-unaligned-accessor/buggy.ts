// glTF loader: typed arrays for accessor data, viewed in place in the loaded binary chunk.
export const FLOAT = 5126;
export const UNSIGNED_SHORT = 5123;
export const UNSIGNED_INT = 5125;

type TypedArrayConstructor = Float32ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor;

function getTypedArrayConstructor(context: string, componentType: number): TypedArrayConstructor {
  switch (componentType) {
    case FLOAT:
      return Float32Array;
    case UNSIGNED_SHORT:
      return Uint16Array;
    case UNSIGNED_INT:
      return Uint32Array;
    default:
      throw new Error(`${context}: Invalid component type ${componentType}`);
  }
}

/** `bufferView` is the bytes of the accessor's buffer view; `byteOffset` the accessor's offset in it. */
export function getTypedArray(context: string, componentType: number, bufferView: Uint8Array<ArrayBuffer>, byteOffset: number | undefined, length: number): Float32Array | Uint16Array | Uint32Array {
  const buffer = bufferView.buffer;
  byteOffset = bufferView.byteOffset + (byteOffset || 0);
  const constructor = getTypedArrayConstructor(context, componentType);
  return new constructor(buffer, byteOffset, length); // BUG
}

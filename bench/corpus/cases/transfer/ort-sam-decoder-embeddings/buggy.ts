// Segment-anything in the browser with onnxruntime-web: the heavy image encoder runs once per image,
// the light mask decoder runs on every click, fed the image embeddings kept from the encoder.
export class Tensor {
  constructor(public type: 'float32', public data: Float32Array, public dims: number[]) {}
}

export interface InferenceSession {
  run(feeds: Record<string, Tensor>): Promise<Record<string, { data: Float32Array | BigInt64Array; dims: readonly number[] }>>;
}

export class SamPredictor {
  private imageEmbeddings: Tensor | null = null;

  constructor(private readonly encodingSession: InferenceSession, private readonly decodingSession: InferenceSession) {}

  async setImage(pixels: Float32Array, width: number, height: number): Promise<void> {
    const results = await this.encodingSession.run({ input_image: new Tensor('float32', pixels, [height, width, 3]) });
    const embeddings = results.image_embeddings;
    this.imageEmbeddings = new Tensor('float32', embeddings.data as Float32Array, [...embeddings.dims]);
  }

  /** The mask for a click at (x, y). */
  async decode(x: number, y: number): Promise<Float32Array> {
    if (this.imageEmbeddings === null) throw new Error('setImage first');
    const decodingFeeds = {
      image_embeddings: this.imageEmbeddings, // BUG
      point_coords: new Tensor('float32', new Float32Array([x, y, 0, 0]), [1, 2, 2]),
      point_labels: new Tensor('float32', new Float32Array([1, -1]), [1, 2]),
    };
    const results = await this.decodingSession.run(decodingFeeds);
    return results.masks.data as Float32Array;
  }
}

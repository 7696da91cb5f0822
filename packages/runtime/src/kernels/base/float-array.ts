/** The arrays the arithmetic kernels read: BLAS works on floats, so do they. */
export type FloatArray = Float64Array | Float32Array;

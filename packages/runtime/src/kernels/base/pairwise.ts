/** Elements summed directly before a range is split in two: large enough that the split costs nothing measurable. */
export const PAIRWISE_LEAF = 1024;

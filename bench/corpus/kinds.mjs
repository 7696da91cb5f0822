// The kinds of bug memsafe claims to find, the rules that answer for each, and which are safety kinds
// (the `recommended` preset's promise). A corpus case lives in cases/<kind>/<slug>/; it is found when a
// finding of one of its kind's rules covers a line of buggy.ts marked `// BUG`.
export const KINDS = [
  { id: 'stale-view', title: 'Stale view after growth, shrink or free', rules: ['no-stale-view'], safety: true },
  { id: 'whole-buffer', title: 'Pool and whole backing buffer', rules: ['no-whole-backing-buffer'], safety: true },
  { id: 'slice', title: 'Slice semantics: copy or view', rules: ['no-ambiguous-slice', 'no-lost-write'], safety: true },
  { id: 'transfer', title: 'Use after transfer', rules: ['no-use-after-transfer'], safety: true },
  {
    id: 'raw-pointer',
    title: 'Raw pointers: signed addresses, pointers kept past growth',
    rules: ['no-signed-wasm-pointer', 'no-stale-view'],
    safety: false,
  },
  { id: 'hidden-copy', title: 'Hidden copies', rules: ['no-implicit-copy', 'no-unnecessary-copy'], safety: false },
  { id: 'strides', title: 'Strided data read linearly', rules: ['no-strided-data-escape'], safety: false },
  { id: 'alignment', title: 'Misaligned views', rules: ['no-misaligned-view'], safety: false },
  { id: 'byte-order', title: 'Byte order', rules: ['explicit-endianness'], safety: false },
];

export const KIND_IDS = KINDS.map(kind => kind.id);

import { fileURLToPath } from 'node:url';

/** Virtual files live here, inside the repository, so that node_modules resolve from disk. */
export const VIRTUAL_ROOT = fileURLToPath(new URL('../__virtual__/', import.meta.url));

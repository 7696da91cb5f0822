/** Links the repository's TypeScript `major` (6 or 7) and @types/node into `project`'s node_modules. */
export function installTypeScript(project: string, major: 6 | 7): void;

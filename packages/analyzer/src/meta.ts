/** The package version; a test keeps it equal to package.json's. */
export const version = '0.1.0';

/** Where each rule's documentation lives: the ESLint plugin, SARIF output and hovers link here. */
export function docsUrl(rule: string): string {
  return `https://github.com/memsafe/memsafe/blob/main/docs/rules/${rule}.md`;
}

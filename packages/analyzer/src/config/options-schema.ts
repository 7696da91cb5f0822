import type { OptionsSchema } from '../check.js';

type Schema = Readonly<{
  type?: string | readonly string[];
  properties?: Readonly<Record<string, Schema>>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  uniqueItems?: boolean;
  pattern?: string;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
}>;

/**
 * What is wrong with `value` under a rule's options schema, one sentence per problem; empty when it
 * fits. The keywords are those the checks' schemas use (ESLint validates the same schemas with Ajv
 * in its own runs; this lets the CLI and tsserver, which have no Ajv, refuse the same mistakes).
 */
export function optionsProblems(schema: OptionsSchema, value: unknown, path = 'options'): string[] {
  return problemsOf(schema, value, path);
}

function problemsOf(schema: Schema, value: unknown, path: string): string[] {
  if (schema.type !== undefined) {
    const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!types.some(type => hasType(value, type)))
      return [`${path} must be ${types.map(article).join(' or ')}, got ${shown(value)}`];
  }
  if (schema.enum !== undefined && !schema.enum.includes(value))
    return [`${path} must be one of ${schema.enum.map(shown).join(', ')}, got ${shown(value)}`];
  const problems: string[] = [];
  if (typeof value === 'string' && schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
    problems.push(`${path} must match /${schema.pattern}/, got ${shown(value)}`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      problems.push(`${path} must be at least ${schema.minimum}, got ${value}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      problems.push(`${path} must be at most ${schema.maximum}, got ${value}`);
  }
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    if (schema.items !== undefined)
      items.forEach((item, i) => problems.push(...problemsOf(schema.items!, item, `${path}[${i}]`)));
    if (schema.uniqueItems === true) {
      const repeated = items.find((item, i) => items.indexOf(item) !== i);
      if (repeated !== undefined) problems.push(`${path} lists ${shown(repeated)} twice`);
    }
  } else if (isObject(value)) {
    const properties = schema.properties ?? {};
    for (const [key, item] of Object.entries(value)) {
      const property = properties[key];
      if (property !== undefined) problems.push(...problemsOf(property, item, `${path}.${key}`));
      else if (schema.additionalProperties === false) {
        const known = Object.keys(properties);
        problems.push(
          `${path} has no "${key}"${known.length === 0 ? ': this rule takes no options' : `; it takes ${known.map(name => `"${name}"`).join(', ')}`}`,
        );
      } else if (typeof schema.additionalProperties === 'object')
        problems.push(...problemsOf(schema.additionalProperties, item, `${path}.${key}`));
    }
  }
  return problems;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function article(type: string): string {
  return type === 'array' || type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`;
}

function shown(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

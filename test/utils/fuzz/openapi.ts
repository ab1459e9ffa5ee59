/** The parts of the app's OpenAPI document the fuzz test reads. */
export interface Schema {
  type?: string;
  enum?: unknown[];
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  $ref?: string;
  allOf?: Schema[];
}
export interface Operation {
  parameters?: Array<{ name: string; in: 'query' | 'path' | 'header'; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** `:id` → `{id}`: the OpenAPI spelling of a route path. */
export const openApiPath = (route: string) => route.replace(/:(\w+)/g, '{$1}');

/** A schema with its `$ref`s and `allOf`s resolved (properties merged). */
export function resolve(doc: OpenApiDoc, s: Schema | undefined, depth = 0): Schema | undefined {
  if (!s || depth > 8) return s;
  if (s.$ref)
    return resolve(doc, doc.components?.schemas?.[s.$ref.split('/').pop() as string], depth + 1);
  if (s.allOf) {
    const parts = s.allOf.map((p) => resolve(doc, p, depth + 1) ?? {});
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})) as Record<
        string,
        Schema
      >,
      required: parts.flatMap((p) => p.required ?? []),
    };
  }
  if (s.properties) {
    const properties: Record<string, Schema> = {};
    for (const [k, v] of Object.entries(s.properties))
      properties[k] = resolve(doc, v, depth + 1) ?? {};
    return { ...s, properties };
  }
  if (s.items) return { ...s, items: resolve(doc, s.items, depth + 1) };
  return s;
}

export function operationOf(doc: OpenApiDoc, method: string, route: string): Operation | undefined {
  return doc.paths[openApiPath(route)]?.[method.toLowerCase()];
}

export function bodySchemaOf(doc: OpenApiDoc, op: Operation): Schema | undefined {
  const content = op.requestBody?.content ?? {};
  const schema = (content['application/json'] ?? content['multipart/form-data'])?.schema;
  return resolve(doc, schema);
}

/** One problem of a submitted form, linked from the error summary to its field. */
export interface FormError {
  field: string;
  message: string;
  /** The reason code of a refusal, whose page (/problems/<code>) explains it. */
  code?: string;
}

/** The fields of a posted form, as strings (absent or non-string values are empty). */
export function fieldsOf(body: unknown, names: readonly string[]): Record<string, string> {
  const b = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(names.map((n) => [n, typeof b[n] === 'string' ? b[n].trim() : '']));
}

/** Required-field problems, in the order of the form. */
export function missing(
  fields: Record<string, string>,
  labels: Record<string, string>,
  lang: 'zh' | 'en',
): FormError[] {
  return Object.keys(labels)
    .filter((f) => !fields[f])
    .map((f) => ({
      field: f,
      message: lang === 'zh' ? `请填写${labels[f]}` : `${labels[f]} is required`,
    }));
}

/** The administrators' pages' own words, Chinese first and English second. */
export const ADMIN_TEXT = {} as const satisfies Record<string, { zh: string; en: string }>;

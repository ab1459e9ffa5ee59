/** A text in Simplified Chinese (first) and English (second). `{name}` marks a parameter. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface Entry {
  /** Short, the same for every occurrence (problem details `title`). */
  readonly title: Bilingual;
  /** With the occurrence's parameters (problem details `detail`); the title when absent. */
  readonly detail?: Bilingual;
}

/** One catalogue entry: its title, and a detail with parameters when given. */
export const t = (zh: string, en: string, detail?: [string, string]): Entry => ({
  title: { zh, en },
  ...(detail ? { detail: { zh: detail[0], en: detail[1] } } : {}),
});

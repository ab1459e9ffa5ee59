/**
 * The proactive-disclosure register of the 2008 format (主动公开政府信息情况, as in the 2013 seed):
 * items counted by category and by channel (online or not), with the shares the report prints.
 * Pure.
 */
export const CATEGORIES = [
  'functions',
  'policies',
  'enforcement',
  'licensing',
  'updates',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The seed's labels, exactly (the 2013 report of 大庆市). */
export const CATEGORY_LABELS: Record<Category, string> = {
  functions: '部门职能类',
  policies: '政策法规类',
  enforcement: '行政执法类',
  licensing: '行政审批(许可)类',
  updates: '工作动态类',
  other: '其他类',
};

/** A count of register items of one category and channel (a GROUP BY row). */
export interface RegisterCount {
  readonly category: Category;
  readonly online: boolean;
  readonly n: number;
}

export interface RegisterSummary {
  readonly total: number;
  readonly online: number;
  /** Percent of the total, one decimal. */
  readonly onlineShare: number;
  readonly byCategory: Record<Category, number>;
  /** Percent of the total per category, one decimal (each rounded on its own, as printed). */
  readonly shares: Record<Category, number>;
}

/** `part` as a percentage of `whole`, rounded half up to one decimal; 0 of nothing is 0. */
export function share(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part * 1000) / whole) / 10;
}

export function registerSummary(counts: readonly RegisterCount[]): RegisterSummary {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let online = 0;
  for (const c of counts) {
    byCategory[c.category] += c.n;
    if (c.online) online += c.n;
  }
  const total = CATEGORIES.reduce((a, c) => a + byCategory[c], 0);
  const shares = Object.fromEntries(
    CATEGORIES.map((c) => [c, share(byCategory[c], total)]),
  ) as Record<Category, number>;
  return { total, online, onlineShare: share(online, total), byCategory, shares };
}

/** The seed's paragraph for a group (section 二 of the 2008 report), from its summary. */
export function registerParagraph(year: number, group: string, s: RegisterSummary): string {
  const parts = CATEGORIES.map(
    (c) => `${CATEGORY_LABELS[c]}信息${s.byCategory[c]}条，占总数的${s.shares[c]}%`,
  );
  return `${year}年度，${group}共公开政府信息${s.total}条。其中，网上公开${s.online}条，约占总数的${s.onlineShare}%。公开的政府信息中，${parts.join('；')}。`;
}

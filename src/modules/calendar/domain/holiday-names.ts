/**
 * Holiday labels. Chinese names follow DOMAIN.md §4.2 (《全国年节及纪念日放假办法》, R-WD-02);
 * the dataset's short forms (清明, 端午, 中秋) are normalised to the full names.
 */
const ENGLISH: Readonly<Record<string, string>> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Tomb-sweeping Day',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-autumn Festival',
  国庆节: 'National Day',
  中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日: 'Victory Day, 70th anniversary',
};

const SHORT_FORMS: Readonly<Record<string, string>> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
  劳动: '劳动节',
  国庆: '国庆节',
};

export function normaliseHolidayName(name: string): string {
  const trimmed = name.trim();
  return SHORT_FORMS[trimmed] ?? trimmed;
}

/** English name of a known holiday; falls back to `fallback` or to the Chinese name. */
export function englishHolidayName(name: string, fallback?: string): string {
  return ENGLISH[normaliseHolidayName(name)] ?? fallback ?? name;
}

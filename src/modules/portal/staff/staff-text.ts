/** The clerks' and supervisors' pages' own words, Chinese first and English second. */
export const STAFF_TEXT = {
  workbench: { zh: '工作台', en: 'Workbench' },
  registerRequest: { zh: '登记申请', en: 'Register a request' },
  administration: { zh: '系统管理', en: 'Administration' },
} as const satisfies Record<string, { zh: string; en: string }>;

import type { FormField } from './form-body';

export type Text = { zh: string; en: string };

/** A text in both languages. */
export const t = (zh: string, en: string): Text => ({ zh, en });
/** A label that reads the same in both (a legal label kept in Chinese). */
export const same = (label: string): Text => ({ zh: label, en: label });

export const dateField = (name: string, label: Text, required = false, hint?: Text): FormField => ({
  name,
  label,
  type: 'date',
  required,
  hint,
});

export const textField = (name: string, label: Text, required = false, hint?: Text): FormField => ({
  name,
  label,
  type: 'textarea',
  required,
  hint,
});

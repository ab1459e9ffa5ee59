import fc from 'fast-check';
import { ACTION_FORMS } from '../../../src/modules/portal/staff/action-forms';
import { formBody, nested, type FormField } from '../../../src/modules/portal/staff/form-body';
import { ADMIN_TEXT } from '../../../src/modules/portal/admin/admin-text';
import { STAFF_TEXT } from '../../../src/modules/portal/staff/staff-text';
import { SUPERVISOR_TEXT } from '../../../src/modules/portal/supervisor/supervisor-text';
import { CITIZEN_TEXT } from '../../../src/modules/portal/portal-text';
import { REPORT_TEXT } from '../../../src/modules/portal/reports/report-text';
import { PUBLIC_TEXT } from '../../../src/modules/portal/public/public-text';

const f = (name: string, type: FormField['type']): FormField => ({
  name,
  type,
  label: { zh: name, en: name },
});

describe('formBody: posted form fields as the API’s JSON body', () => {
  it('drops empty fields, converts numbers, yes/no and Beijing datetime-local values', () => {
    const fields = [
      f('days', 'number'),
      f('approve', 'yesno'),
      f('at', 'datetime'),
      f('note', 'textarea'),
    ];
    expect(
      formBody(fields, {
        days: ' 10 ',
        approve: 'false',
        at: '2026-03-02T09:30',
        note: '  ',
        x: 'y',
      }),
    ).toEqual({ days: 10, approve: false, at: '2026-03-02T09:30:00+08:00' });
  });

  it('leaves malformed values as text for the DTO to refuse with its own message', () => {
    const fields = [f('days', 'number'), f('approve', 'yesno'), f('at', 'datetime')];
    expect(formBody(fields, { days: '10天', approve: 'maybe', at: '2026-03-02' })).toEqual({
      days: '10天',
      approve: 'maybe',
      at: '2026-03-02',
    });
  });

  it('keeps withheld rows that have any column filled, in order, and no others', () => {
    const body = formBody([f('withheld', 'withheld')], {
      'withheld.0.item': '电话',
      'withheld.0.reason': '隐私',
      'withheld.0.basis': '第十五条',
      'withheld.2.item': '住址',
    });
    expect(body).toEqual({
      withheld: [
        { item: '电话', reason: '隐私', basis: '第十五条' },
        { item: '住址', reason: '', basis: '' },
      ],
    });
    expect(formBody([f('withheld', 'withheld')], {})).toEqual({});
  });

  it('never invents a field the form does not have (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string()),
        (posted) => {
          const fields = [f('a', 'text'), f('n', 'number'), f('w', 'withheld')];
          const keys = Object.keys(formBody(fields, posted));
          return keys.every((k) => ['a', 'n', 'w'].includes(k));
        },
      ),
    );
  });

  it('nests dotted names as the API’s objects', () => {
    expect(
      nested({ 'applicant.name': '王五', 'applicant.idType': 'resident_id', title: 't' }),
    ).toEqual({
      applicant: { name: '王五', idType: 'resident_id' },
      title: 't',
    });
  });
});

describe('the staff forms and texts', () => {
  it('every action form has a unique path and unique field names', () => {
    const slugs = ACTION_FORMS.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const a of ACTION_FORMS) {
      const names = a.fields.map((x) => x.name);
      expect(new Set(names).size).toBe(names.length);
      if (a.fields.length) expect(a.dto).toBeDefined();
    }
  });

  it('no page text key is defined in two parts (a later one would silently win)', () => {
    const keys = [
      CITIZEN_TEXT,
      STAFF_TEXT,
      ADMIN_TEXT,
      SUPERVISOR_TEXT,
      REPORT_TEXT,
      PUBLIC_TEXT,
    ].flatMap((part) => Object.keys(part));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});

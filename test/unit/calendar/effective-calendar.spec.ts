import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EffectiveCalendar,
  type CalendarState,
} from '../../../src/modules/calendar/domain/effective-calendar';
import type {
  AgencyRef,
  ScopedOverride,
} from '../../../src/modules/calendar/domain/override-scope';
import { parseYearNoticeOrThrow } from '../../../src/modules/calendar/domain/year-notice';

const NOTICE_2027 = readFileSync(join(__dirname, '../../fixtures/notice-2027.json'), 'utf8');

/** Province HLJ → city DQ → department DQ-GA; DQ-JY is a sibling of DQ-GA. */
const HLJ = 'a0000000-0000-4000-8000-000000000001';
const DQ = 'a0000000-0000-4000-8000-000000000002';
const GA = 'a0000000-0000-4000-8000-000000000003';
const JY = 'a0000000-0000-4000-8000-000000000004';
const AGENCIES: Record<string, AgencyRef> = {
  GA: { id: GA, code: 'DQ-GA', path: `/${HLJ}/${DQ}/${GA}/` },
  JY: { id: JY, code: 'DQ-JY', path: `/${HLJ}/${DQ}/${JY}/` },
};

let seq = 0;
function override(
  o: Partial<ScopedOverride> & Pick<ScopedOverride, 'date' | 'scopeKind'>,
): ScopedOverride {
  const code =
    o.agencyId === HLJ ? 'HLJ' : o.agencyId === GA ? 'DQ-GA' : o.agencyId === DQ ? 'DQ' : null;
  return {
    id: `o${++seq}`,
    kind: 'CLOSED',
    basis: '测试依据',
    agencyId: null,
    agencyCode: code,
    scope: o.scopeKind === 'NATIONAL_CORRECTION' ? o.scopeKind : `${o.scopeKind}:${code}`,
    ...o,
  };
}

const state = (s: Partial<CalendarState> = {}): CalendarState => ({
  version: '1',
  importedYears: [],
  overrides: [],
  ...s,
});

describe(EffectiveCalendar.name, () => {
  it('applies a NATIONAL_CORRECTION to every statutory deadline (WE-1 moves by a day)', () => {
    const plain = new EffectiveCalendar(state(), false);
    expect(plain.national.addWorkingDays('2024-09-13', 20).due).toBe('2024-10-17');
    const corrected = new EffectiveCalendar(
      state({ overrides: [override({ date: '2024-10-10', scopeKind: 'NATIONAL_CORRECTION' })] }),
      false,
    );
    expect(corrected.national.addWorkingDays('2024-09-13', 20).due).toBe('2024-10-18');
    expect(corrected.forAgency(AGENCIES.GA).calendar.dayStatus('2024-10-10')).toMatchObject({
      kind: 'override-closed',
      scope: 'NATIONAL_CORRECTION',
      working: false,
    });
  });

  it('only warns about province and agency overrides when local overrides are not applied (R-WD-05)', () => {
    const s = state({
      overrides: [
        override({ date: '2024-10-10', scopeKind: 'PROVINCE', agencyId: HLJ, name: '省内停工' }),
        override({ date: '2024-10-11', scopeKind: 'AGENCY', agencyId: GA }),
      ],
    });
    const ga = new EffectiveCalendar(s, false).forAgency(AGENCIES.GA);
    expect(ga.calendar.addWorkingDays('2024-09-13', 20).due).toBe('2024-10-17');
    expect(ga.warnings.map((w) => [w.date, w.scope])).toEqual([
      ['2024-10-10', 'PROVINCE:HLJ'],
      ['2024-10-11', 'AGENCY:DQ-GA'],
    ]);
    expect(ga.warnings[0].message).toContain('not applied to statutory deadlines');
    const jy = new EffectiveCalendar(s, false).forAgency(AGENCIES.JY);
    expect(jy.warnings.map((w) => w.scope)).toEqual(['PROVINCE:HLJ']);
  });

  it('applies the overrides of the agency and of every province above it when enabled', () => {
    const s = state({
      overrides: [
        override({ date: '2024-10-10', scopeKind: 'PROVINCE', agencyId: HLJ }),
        override({ date: '2024-10-11', scopeKind: 'AGENCY', agencyId: GA }),
      ],
    });
    const effective = new EffectiveCalendar(s, true);
    const ga = effective.forAgency(AGENCIES.GA);
    expect(ga.warnings).toEqual([]);
    expect(ga.calendar.addWorkingDays('2024-09-13', 20).due).toBe('2024-10-21');
    expect(effective.forAgency(AGENCIES.JY).calendar.addWorkingDays('2024-09-13', 20).due).toBe(
      '2024-10-18',
    );
    expect(effective.forAgency(null).calendar.addWorkingDays('2024-09-13', 20).due).toBe(
      '2024-10-17',
    );
    expect(effective.forAgency(AGENCIES.GA).calendar).toBe(ga.calendar);
  });

  it('lets the more specific override win on the same date: agency over city over province', () => {
    const s = state({
      overrides: [
        override({ date: '2024-10-10', scopeKind: 'AGENCY', agencyId: GA, kind: 'OPEN' }),
        override({ date: '2024-10-10', scopeKind: 'PROVINCE', agencyId: DQ, kind: 'OPEN' }),
        override({ date: '2024-10-10', scopeKind: 'PROVINCE', agencyId: HLJ }),
      ],
    });
    const effective = new EffectiveCalendar(s, true);
    expect(effective.forAgency(AGENCIES.GA).calendar.dayStatus('2024-10-10').scope).toBe(
      'AGENCY:DQ-GA',
    );
    expect(effective.forAgency(AGENCIES.JY).calendar.dayStatus('2024-10-10').scope).toBe(
      'PROVINCE:DQ',
    );
  });

  it('loads an imported notice: the year is covered and the count no longer provisional (R-WD-04)', () => {
    const before = new EffectiveCalendar(state(), false).national.addWorkingDays('2026-12-10', 20);
    expect(before).toMatchObject({ due: '2027-01-07', provisional: true });
    const effective = new EffectiveCalendar(
      state({
        importedYears: [
          {
            arrangement: parseYearNoticeOrThrow(NOTICE_2027),
            importedAt: '2026-11-06T01:00:00.000Z',
          },
        ],
      }),
      false,
    );
    expect(effective.national.addWorkingDays('2026-12-10', 20)).toMatchObject({
      due: '2027-01-08',
      provisional: false,
    });
    expect(effective.years().at(-1)).toEqual({
      year: 2027,
      source: 'imported',
      dataset: null,
      noticeUrl: 'https://www.gov.cn/zhengce/zhengceku/202611/content_0000000.htm',
      noticeDate: '2026-11-05',
      additionalUrls: [],
      note: expect.stringContaining('Fictional'),
      importedAt: '2026-11-06T01:00:00.000Z',
      replacesNational: false,
      workingDays: 261 - 8 + 2,
    });
  });

  it('lists every national year with its provenance and the working-day totals of DOMAIN §4.2', () => {
    const years = new EffectiveCalendar(state(), false).years();
    expect(years[0].year).toBe(2008);
    const byYear = new Map(years.map((y) => [y.year, y]));
    expect([2023, 2024, 2025, 2026].map((y) => byYear.get(y)?.workingDays)).toEqual([
      249, 251, 248, 248,
    ]);
    expect(byYear.get(2024)).toMatchObject({
      source: 'national',
      dataset: 'chinese-days@1.5.7',
      noticeUrl: 'https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm',
      noticeDate: '2023-10-25',
      importedAt: null,
    });
  });

  it('needs an agency only when local overrides are applied and some exist (R-WD-05)', () => {
    const national = override({ date: '2024-10-10', scopeKind: 'NATIONAL_CORRECTION' });
    const local = override({ date: '2024-10-11', scopeKind: 'PROVINCE', agencyId: HLJ });
    expect(new EffectiveCalendar(state({ overrides: [national] }), true).hasLocalCalendars).toBe(
      false,
    );
    expect(new EffectiveCalendar(state({ overrides: [local] }), false).hasLocalCalendars).toBe(
      false,
    );
    const applied = new EffectiveCalendar(state({ overrides: [national, local] }), true);
    expect(applied.hasLocalCalendars).toBe(true);
    // Whenever no agency is needed, every agency's calendar is the national one.
    const plain = new EffectiveCalendar(state({ overrides: [national, local] }), false);
    expect(plain.forAgency(AGENCIES.GA).calendar).toBe(plain.national);
    expect(applied.forAgency(AGENCIES.GA).calendar).not.toBe(applied.national);
  });
});

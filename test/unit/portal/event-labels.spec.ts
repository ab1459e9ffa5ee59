import { eventLabel, statusLabel, timelineView } from '../../../src/modules/portal/event-labels';
import {
  ACTION_LABELS,
  CASE_ACTIONS,
  CASE_STATUSES,
  STATUS_LABELS,
} from '../../../src/modules/requests/domain/case-status';

const CJK = /[\u3400-\u9fff]/;

describe('the case words of the pages, in both languages', () => {
  it('names every status and every action in Chinese and in English', () => {
    for (const s of CASE_STATUSES) {
      expect(statusLabel(s, 'zh')).toBe(STATUS_LABELS[s]);
      expect(statusLabel(s, 'en')).toMatch(/^[A-Z][a-z]/);
      expect(statusLabel(s, 'en')).not.toMatch(CJK);
    }
    for (const a of CASE_ACTIONS) {
      expect(eventLabel(a, 'zh')).toBe(ACTION_LABELS[a]);
      expect(eventLabel(a, 'en')).not.toMatch(CJK);
    }
    expect(new Set(CASE_STATUSES.map((s) => statusLabel(s, 'en'))).size).toBe(CASE_STATUSES.length);
  });

  it('labels the events around the workflow and never shows an internal code', () => {
    expect(eventLabel('letter_issued', 'en')).toBe('Letter issued');
    expect(eventLabel('letter_issued')).toBe('出具文书');
    expect(eventLabel('some_internal_event', 'en')).toBe('Case record');
    expect(eventLabel('some_internal_event', 'zh')).toBe('办理记录');
    expect(
      timelineView([{ at: '2026-09-14T01:00:00.000Z', action: 'reply' }], 'en')[0],
    ).toMatchObject({ when: '2026-09-14 09:00', label: 'Replied' });
  });
});

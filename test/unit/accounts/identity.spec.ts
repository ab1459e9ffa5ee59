import fc from 'fast-check';
import {
  idProofProblems,
  idTypesFor,
  APPLICANT_CATEGORIES,
} from '../../../src/modules/accounts/domain/applicant';
import {
  identityIndexKey,
  ID_PROOF_TYPES,
  isResidentIdNumber,
  isUnifiedSocialCreditCode,
  isValidIdProof,
  withResidentIdCheck,
  withUsccCheck,
} from '../../../src/modules/accounts/domain/identity';

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));

describe('identity documents (Art 29 身份证明)', () => {
  it('accepts a resident ID with its check character and refuses every other check character', () => {
    fc.assert(
      fc.property(
        digits(6),
        fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        digits(3),
        (region, birth, seq) => {
          const first17 = `${region}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`;
          const id = withResidentIdCheck(first17);
          expect(isResidentIdNumber(id)).toBe(true);
          for (const c of '0123456789X')
            if (c !== id[17]) expect(isResidentIdNumber(first17 + c)).toBe(false);
        },
      ),
    );
  });

  it('accepts a USCC with its check character', () => {
    fc.assert(
      fc.property(digits(10), (tail) => {
        const code = withUsccCheck(`9123060${tail}`);
        expect(isUnifiedSocialCreditCode(code)).toBe(true);
        expect(isUnifiedSocialCreditCode(code.slice(0, 17) + (code[17] === '0' ? '1' : '0'))).toBe(
          false,
        );
      }),
    );
  });

  it.each([
    ['passport', 'E12345678', 'E1'],
    ['hk_macau_permit', 'H1234567890', 'X12345678'],
    ['taiwan_permit', '12345678', '1234'],
    [
      'hmt_residence',
      withResidentIdCheck('81000019900101123'),
      withResidentIdCheck('23060219900101123'),
    ],
    ['foreign_permanent', 'USA123456789012', 'US123456789012'],
    ['org_certificate', 'SY-123', 'A'],
  ] as const)('%s: %s is valid, %s is not', (type, good, bad) => {
    expect(isValidIdProof(type, good)).toBe(true);
    expect(isValidIdProof(type, bad)).toBe(false);
  });

  it('a document fits its category: people hold personal documents, organisations theirs', () => {
    expect(idTypesFor('np')).not.toContain('uscc');
    expect(idTypesFor('biz')).toEqual(['uscc', 'org_certificate']);
    for (const category of APPLICANT_CATEGORIES)
      expect(idTypesFor(category).length).toBeGreaterThan(0);
    expect(idProofProblems('biz', 'passport', 'E12345678', 'applicant.').problems).toEqual([
      expect.objectContaining({ field: 'applicant.idType', code: 'id-type-not-for-category' }),
    ]);
    expect(idProofProblems('np', undefined, 'e12345678').problems).toEqual([
      expect.objectContaining({ field: 'idNumber', code: 'id-checksum' }),
    ]);
    expect(idProofProblems('np', 'passport', ' e12345678 ')).toEqual({
      type: 'passport',
      number: 'E12345678',
      problems: [],
    });
  });

  it('the blind index key tells documents apart, but keeps the bare number for resident IDs and USCCs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ID_PROOF_TYPES),
        fc.constantFrom(...ID_PROOF_TYPES),
        digits(8),
        (a, b, n) => {
          // The resident ID and the USCC formats never share a valid number (18 vs USCC layout).
          const bare = (t: string) => t === 'resident_id' || t === 'uscc';
          if (a !== b && !(bare(a) && bare(b)))
            expect(identityIndexKey(a, n)).not.toBe(identityIndexKey(b, n));
          else expect(identityIndexKey(a, n)).toBe(identityIndexKey(b, n));
        },
      ),
    );
    expect(identityIndexKey('resident_id', '11010519491231002X')).toBe('11010519491231002X');
  });
});

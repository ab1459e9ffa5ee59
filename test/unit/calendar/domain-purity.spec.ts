import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const DIRS = [
  'src/modules/calendar/domain',
  'src/modules/deadlines/domain',
  'src/modules/fees/domain',
];
const sources = DIRS.flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), 'utf8') })),
);

describe('domain date purity (R-WD-06)', () => {
  it('uses no local-time Date API when computing calendar dates', () => {
    const localTime =
      /\.(get|set)(Date|Day|Month|FullYear|Hours|Minutes|Seconds)\(|toLocale\w*\(|getTimezoneOffset\(|new Date\(/;
    expect(sources.filter((s) => localTime.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it('reads only the data file of chinese-days when importing the package (DOMAIN §5.1)', () => {
    const imports = sources.flatMap((s) =>
      [...s.text.matchAll(/from '(chinese-days[^']*)'/g)].map((m) => m[1]),
    );
    expect(imports).toEqual(['chinese-days/dist/chinese-days.json']);
  });
});

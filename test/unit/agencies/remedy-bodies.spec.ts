import { remedyBodiesFor } from '../../../src/modules/agencies/domain/remedy-bodies';

describe('remedyBodiesFor (D-20)', () => {
  it('a city department → the city government and the basic court where it sits', () => {
    expect(
      remedyBodiesFor({ kind: 'department', government: '大庆市人民政府', seat: '大庆市萨尔图区' }),
    ).toEqual({ reconsiderationBody: '大庆市人民政府', court: '大庆市萨尔图区人民法院' });
  });
  it('a district department → the district government and the district’s basic court', () => {
    expect(
      remedyBodiesFor({
        kind: 'department',
        government: '大庆市让胡路区人民政府',
        seat: '大庆市让胡路区',
      }),
    ).toEqual({ reconsiderationBody: '大庆市让胡路区人民政府', court: '大庆市让胡路区人民法院' });
  });
  it('a district government → the city government and the intermediate court', () => {
    expect(
      remedyBodiesFor({
        kind: 'government',
        level: 'county',
        superiorGovernment: '大庆市人民政府',
        city: '大庆市',
      }),
    ).toEqual({ reconsiderationBody: '大庆市人民政府', court: '大庆市中级人民法院' });
  });
  it('a 设区的市 government → the province and the intermediate court', () => {
    expect(
      remedyBodiesFor({
        kind: 'government',
        level: 'city',
        superiorGovernment: '黑龙江省人民政府',
        city: '大庆市',
      }),
    ).toEqual({ reconsiderationBody: '黑龙江省人民政府', court: '大庆市中级人民法院' });
  });
  it('a vertically led agency → its superior authority, not the local government', () => {
    expect(
      remedyBodiesFor({
        kind: 'vertical',
        superior: '国家税务总局黑龙江省税务局',
        seat: '大庆市萨尔图区',
      }),
    ).toEqual({
      reconsiderationBody: '国家税务总局黑龙江省税务局',
      court: '大庆市萨尔图区人民法院',
    });
  });
});

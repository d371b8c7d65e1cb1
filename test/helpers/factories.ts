import type { NewOrganization } from '../../src/contracts/organizations.js';
import type { DivisionInput } from '../../src/server/modules/divisions/divisions.service.js';

/** A small real slice of the division tree: Wujin and Tianning districts of Changzhou. */
export function divisionTree(): DivisionInput[] {
  return [
    { code: '32', name: '江苏省', parentCode: null },
    { code: '3204', name: '常州市', parentCode: '32' },
    { code: '320402', name: '天宁区', parentCode: '3204' },
    { code: '320402001', name: '雕庄街道', parentCode: '320402' },
    { code: '320402001001', name: '朝阳花园社区居委会', parentCode: '320402001' },
    { code: '320412', name: '武进区', parentCode: '3204' },
    { code: '320412100', name: '湖塘镇', parentCode: '320412' },
    { code: '320412100001', name: '湖塘村村民委员会', parentCode: '320412100' },
    { code: '320412100002', name: '花园社区居民委员会', parentCode: '320412100' },
    { code: '320412105', name: '横林镇', parentCode: '320412' },
    { code: '320412105001', name: '崔桥村村民委员会', parentCode: '320412105' },
  ];
}

let sequence = 0;

/** A valid new organization; override what the test is about. */
export function buildOrganization(overrides: Partial<NewOrganization> = {}): NewOrganization {
  sequence += 1;
  return {
    type: 'law_firm',
    name: `测试律师事务所${sequence}`,
    divisionCode: '320412100',
    address: `常州市武进区湖塘镇测试路${sequence}号`,
    latitude: 31.7,
    longitude: 119.95,
    phone: '0519-86000000',
    openingHours: { mon: [{ opens: '08:30', closes: '17:30' }] },
    ...overrides,
  };
}

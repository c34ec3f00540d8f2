/**
 * Facts of Xihu district used by the demo seed (see DOMAIN.md): its 12 streets and towns, the
 * hubs reported by name with their facilities, and the social organizations. Coordinates are
 * plausible placements inside the district (WGS-84), not surveyed points.
 */
import type { DemoFacility, DemoHub } from '../src/core/seeding/demo-district';

export const DISTRICT = '西湖区';

/** Street -> approximate centre (WGS-84) and community names for generated hubs. */
export const STREETS: Record<string, { lat: number; lng: number; communities: string[] }> = {
  北山街道: { lat: 30.262, lng: 120.148, communities: ['曙光路', '宝石', '栖霞岭', '西湖湾'] },
  西溪街道: { lat: 30.277, lng: 120.14, communities: ['文二', '嘉绿苑', '教工路', '求是', '庆丰'] },
  灵隐街道: { lat: 30.25, lng: 120.11, communities: ['玉泉', '灵峰', '西山', '金祝', '白乐桥'] },
  翠苑街道: { lat: 30.289, lng: 120.125, communities: ['翠苑二区', '翠苑三区', '翠苑四区', '学院路'] },
  文新街道: { lat: 30.295, lng: 120.105, communities: ['文新', '竞舟', '德加', '三塘', '桂花城'] },
  古荡街道: { lat: 30.28, lng: 120.115, communities: ['古荡新村', '益乐', '莲花', '马塍'] },
  西湖街道: { lat: 30.225, lng: 120.13, communities: ['龙井', '茅家埠', '满觉陇', '玉皇', '梅家坞'] },
  留下街道: { lat: 30.255, lng: 120.055, communities: ['留下', '屏峰', '杨家牌楼', '东岳', '小和山'] },
  转塘街道: { lat: 30.16, lng: 120.085, communities: ['转塘', '象山', '凌家桥', '回龙'] },
  蒋村街道: { lat: 30.275, lng: 120.075, communities: ['蒋村', '文鼎苑', '西溪花园', '蒋村花园'] },
  双浦镇: { lat: 30.14, lng: 120.14, communities: ['双浦', '袁浦', '周浦', '杜家'] },
  三墩镇: { lat: 30.325, lng: 120.09, communities: ['振华', '绿城', '西穆坞', '兰里'] },
};

const f = (type: string, name: string, floor = 1): DemoFacility => ({ type, name, floor });

/** The hubs DOMAIN.md names, with what is reported of them. */
export const NAMED_HUBS: Omit<DemoHub, 'id' | 'code'>[] = [
  {
    name: '三墩镇民生综合体',
    kind: 'FLAGSHIP',
    district: DISTRICT,
    street: '三墩镇',
    address: '西湖区三墩镇民生综合体大楼 (9层, 前广场 2400㎡)',
    lat: 30.3291,
    lng: 120.0952,
    capacity: 1200,
    floorAreaM2: 15000,
    facilities: [
      f('CANTEEN', '幸福餐厅', 1),
      f('HEALTH_HUT', '健康小屋', 2),
      f('DAY_CARE', '日间照料中心', 3),
      f('ELDER_CLUB', '长者俱乐部', 4),
      f('CHILDCARE', '托育服务中心', 5),
      f('YOUTH_SCIENCE', '青少年科普活动中心', 6),
      f('LIBRARY', '城市书房', 7),
      f('CULTURE', '文化家园', 8),
      f('GYM', '百姓健身房', 9),
    ],
  },
  {
    name: '北山街道民生综合体',
    kind: 'CLUSTER',
    district: DISTRICT,
    street: '北山街道',
    address: '西湖区北山街道弥陀寺文化公园周边',
    lat: 30.2648,
    lng: 120.1512,
    capacity: 400,
    floorAreaM2: 3200,
    facilities: [
      f('LIBRARY', '西湖书房'),
      f('CULTURE', '北山邻里坊'),
      f('ELDER_CLUB', '长者俱乐部'),
      f('CHILDCARE', '托育服务中心'),
    ],
  },
  {
    name: '翠苑一区社区民生综合体',
    kind: 'EMBEDDED',
    district: DISTRICT,
    street: '翠苑街道',
    address: '西湖区翠苑街道翠苑一区',
    lat: 30.2915,
    lng: 120.1238,
    capacity: 300,
    floorAreaM2: 2600,
    facilities: [
      f('CULTURE', '文化家园'),
      f('DAY_CARE', '日间照料中心'),
      f('CANTEEN', '老年食堂 翠食坊'),
      f('CHILDCARE', '托育园'),
      f('YOUTH_SCIENCE', '青少年科普活动中心'),
    ],
  },
  {
    name: '长埭村民生综合体',
    kind: 'VILLAGE',
    district: DISTRICT,
    street: '转塘街道',
    address: '西湖区转塘街道长埭村',
    lat: 30.1532,
    lng: 120.0781,
    capacity: 200,
    floorAreaM2: 1500,
    facilities: [f('CANTEEN', '老年食堂'), f('HEALTH_HUT', '健康小屋', 2), f('ELDER_CLUB', '村民活动室')],
  },
  {
    name: '古荡街道民生综合体',
    kind: 'EMBEDDED',
    district: DISTRICT,
    street: '古荡街道',
    address: '西湖区古荡街道',
    lat: 30.2812,
    lng: 120.1168,
    capacity: 350,
    floorAreaM2: 2800,
    facilities: [
      f('CULTURE', '书法室'),
      f('LIBRARY', '城市书房'),
      f('CANTEEN', '幸福餐厅'),
      f('GYM', '百姓健身房', 2),
    ],
  },
];

/** Social organizations (社会组织); the first operates 三墩镇民生综合体 since 2021-06. */
export const ORGANIZATIONS: { name: string; field: string }[] = [
  { name: '文泽社会组织服务中心', field: '综合运营' },
  { name: '西湖区长者照护服务中心', field: '养老服务' },
  { name: '西湖区悦读书香社', field: '阅读推广' },
  { name: '西湖区心欣社会工作服务社', field: '社会工作' },
  { name: '西湖区乐龄文化促进会', field: '老年文化' },
  { name: '西湖区小橘灯托育服务中心', field: '托育' },
  { name: '西湖区青少年科普协会', field: '科普' },
  { name: '西湖区全民健身指导站', field: '体育健身' },
  { name: '西湖区邻里互助志愿者协会', field: '志愿服务' },
  { name: '西湖区书法家协会', field: '文化' },
  { name: '西湖区营养健康促进会', field: '健康' },
  { name: '西湖区家庭医生服务联盟', field: '健康' },
  { name: '西湖区助残服务社', field: '助残' },
  { name: '西湖区法律援助服务社', field: '法律咨询' },
  { name: '西湖区茶文化研究会', field: '文化' },
  { name: '西湖区社区戏曲社', field: '文化' },
  { name: '西湖区老年大学分校', field: '老年教育' },
  { name: '西湖区亲子成长服务中心', field: '家庭服务' },
  { name: '西湖区数字助老服务队', field: '数字助老' },
  { name: '西湖区幸福厨房公益社', field: '助餐' },
  { name: '西湖区心理健康服务站', field: '心理健康' },
  { name: '西湖区绿色环保协会', field: '环保' },
  { name: '西湖区非遗传承工作室', field: '非遗' },
  { name: '西湖区社区园艺社', field: '园艺' },
];

/** Facilities a generated hub may have, with the names the bureau uses. */
export const FACILITY_NAMES: Record<string, string> = {
  LIBRARY: '城市书房',
  CANTEEN: '幸福餐厅',
  GYM: '百姓健身房',
  HEALTH_HUT: '健康小屋',
  CHILDCARE: '托育服务站',
  DAY_CARE: '日间照料中心',
  ELDER_CLUB: '长者俱乐部',
  CULTURE: '文化家园',
  YOUTH_SCIENCE: '青少年科普角',
  OTHER: '多功能活动室',
};

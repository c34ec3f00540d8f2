/** How the bureau names each facility type (the enum's description says the same). */
export const FACILITY_TYPE_NAME: Record<string, string> = {
  LIBRARY: '城市书房',
  CANTEEN: '幸福餐厅',
  GYM: '百姓健身房',
  HEALTH_HUT: '健康小屋',
  CHILDCARE: '托育',
  DAY_CARE: '日间照料中心',
  ELDER_CLUB: '长者俱乐部',
  CULTURE: '文化家园',
  YOUTH_SCIENCE: '青少年科普',
  OTHER: '其他',
};

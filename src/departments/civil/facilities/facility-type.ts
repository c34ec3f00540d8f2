import { registerEnumType } from 'type-graphql';

export enum FacilityType {
  LIBRARY = 'LIBRARY',
  CANTEEN = 'CANTEEN',
  GYM = 'GYM',
  HEALTH_HUT = 'HEALTH_HUT',
  CHILDCARE = 'CHILDCARE',
  DAY_CARE = 'DAY_CARE',
  ELDER_CLUB = 'ELDER_CLUB',
  CULTURE = 'CULTURE',
  YOUTH_SCIENCE = 'YOUTH_SCIENCE',
  OTHER = 'OTHER',
}

registerEnumType(FacilityType, {
  name: 'FacilityType',
  description:
    'LIBRARY 城市书房, CANTEEN 幸福餐厅/老年食堂, GYM 百姓健身房, HEALTH_HUT 健康小屋, CHILDCARE 托育, ' +
    'DAY_CARE 日间照料中心, ELDER_CLUB 长者俱乐部, CULTURE 文化家园, YOUTH_SCIENCE 青少年科普',
});

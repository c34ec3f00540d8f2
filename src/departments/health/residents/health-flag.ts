import { registerEnumType } from 'type-graphql';

/** Conditions from a resident's health record that change what the canteen recommends. */
export enum HealthFlag {
  HYPERTENSION = 'HYPERTENSION',
  DIABETES = 'DIABETES',
  HYPERLIPIDEMIA = 'HYPERLIPIDEMIA',
}

registerEnumType(HealthFlag, { name: 'HealthFlag', description: '高血压, 糖尿病, 高血脂' });

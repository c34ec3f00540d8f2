import { registerEnumType } from 'type-graphql';

/** What an API key may do; see "Who may do what" in the README. */
export enum ApiRole {
  SCREEN = 'SCREEN',
  DEPARTMENT = 'DEPARTMENT',
  CANTEEN_TERMINAL = 'CANTEEN_TERMINAL',
  ADMIN = 'ADMIN',
}

registerEnumType(ApiRole, { name: 'ApiRole' });

import type { DepartmentModule } from '../../core/departments/department-module';
import { reviewRoutes } from './reports/review-routes';
import { ReviewResolver } from './review.resolver';

export const REVIEW = 'review';

/**
 * 绩效考评 The bureau's performance review: rankings against the previous period, cold hubs and
 * their facilities, activity statistics, and the reports that open in Excel. It keeps no
 * database: it reads civil's, iot's and the hub's rollups through their exports.
 */
export const reviewDepartment: DepartmentModule = {
  name: REVIEW,
  title: '绩效考评',
  ownSource: false,
  entities: [],
  migrations: [],
  resolvers: [ReviewResolver],
  routes: reviewRoutes,
};

import { CreateCivilTables1763800000000 } from './1763800000000-create-civil-tables';
import { ActivityFacility1796300000000 } from './1796300000000-activity-facility';
import { ActivityReviewIndex1796400000000 } from './1796400000000-activity-review-index';

/** The civil source's migrations, oldest first. */
export const civilMigrations: Function[] = [CreateCivilTables1763800000000, ActivityFacility1796300000000, ActivityReviewIndex1796400000000];

import { {{name}}Migrations } from '../../../migrations/{{name}}';
import type { DepartmentModule } from '../../core/departments/department-module';
import { {{name}}RecordFeed } from './feeds/{{name}}-record-feed';
import { {{name}}Metrics } from './live/{{name}}-metrics';
import { {{NAME}} } from './{{name}}-source';
import { Hub{{Name}}RecordsResolver } from './records/hub-{{name}}-records.resolver';
import { {{Name}}Record } from './records/{{name}}-record.entity';
import { {{Name}}RecordsResolver } from './records/{{name}}-records.resolver';
import { seed{{Name}} } from './seed';
import { simulate{{Name}} } from './simulator';

export { {{NAME}} } from './{{name}}-source';

/** {{title}}: records about the hubs (the scaffold's placeholder for the department's own rows) and a live count of them. */
export const {{name}}Department: DepartmentModule = {
  name: {{NAME}},
  title: '{{title}}',
  entities: [{{Name}}Record],
  migrations: {{name}}Migrations,
  resolvers: [{{Name}}RecordsResolver, Hub{{Name}}RecordsResolver],
  metrics: {{name}}Metrics,
  feeds: [{{name}}RecordFeed],
  seed: seed{{Name}},
  simulate: simulate{{Name}},
};

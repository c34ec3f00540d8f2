import { ObjectType } from 'type-graphql';
import { Connection } from '../../../core/pagination/connection';
import { Activity } from './activity.entity';

@ObjectType()
export class ActivityConnection extends Connection(Activity) {}

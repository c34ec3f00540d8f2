import { ObjectType } from 'type-graphql';
import { Connection } from '../../../core/pagination/connection';
import { Hub } from './hub.entity';

@ObjectType()
export class HubConnection extends Connection(Hub) {}

import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { FacilityType } from '../facilities/facility-type';
import { HubKind } from './hub-kind';

@InputType({ description: 'Every field given must match' })
export class HubFilter {
  @Field({ nullable: true, description: 'Street or town, e.g. 三墩镇' })
  @MaxLength(40)
  street?: string;

  @Field(() => HubKind, { nullable: true })
  kind?: HubKind;

  @Field(() => FacilityType, { nullable: true, description: 'Hubs that have a facility of this type' })
  facility?: FacilityType;

  @Field({ nullable: true, description: 'Part of the hub’s name' })
  @MaxLength(50)
  text?: string;
}

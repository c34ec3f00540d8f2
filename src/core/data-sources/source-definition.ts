/** What a data source holds: the entity classes it maps and the migrations that build it. */
export interface SourceDefinition {
  name: string;
  entities: Function[];
  migrations: Function[];
}

import { CreateIotTables1763800000000 } from './1763800000000-create-iot-tables';

/** The iot source's migrations, oldest first. */
export const iotMigrations: Function[] = [CreateIotTables1763800000000];

import { CreateIotTables1763800000000 } from './1763800000000-create-iot-tables';
import { DoorSensorFacility1796300000000 } from './1796300000000-door-sensor-facility';

/** The iot source's migrations, oldest first. */
export const iotMigrations: Function[] = [CreateIotTables1763800000000, DoorSensorFacility1796300000000];

import type { DepartmentModule } from '../core/departments/department-module';
import { civilDepartment } from './civil';
import { healthDepartment } from './health';
import { iotDepartment } from './iot';
import { reviewDepartment } from './review';
import { urbanDepartment } from './urban';

/** Every department the hub serves. Adding one is a folder and a line here. */
export const departments: DepartmentModule[] = [civilDepartment, iotDepartment, healthDepartment, urbanDepartment, reviewDepartment];

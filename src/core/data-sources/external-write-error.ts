import { ErrorCode } from '../errors/error-codes';
import { HubError } from '../errors/hub-errors';
import { sourceExternalVariable } from './source-config';

/**
 * A write to an external source (`<NAME>_DB_EXTERNAL=true`): the department's database is its
 * own, read by the hub with a SELECT-only account. FORBIDDEN, naming the setting.
 */
export class ExternalSourceWriteError extends HubError {
  constructor(source: string) {
    const setting = sourceExternalVariable(source);
    super(
      ErrorCode.FORBIDDEN,
      `the ${source} department's database is its own (${setting}=true): the hub reads it and never writes to it; its systems write their rows there themselves`,
      { setting, department: source },
    );
  }
}

import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes';
import { HUB_SOURCE } from '../data-sources/hub-source-name';

/** Errors whose message is meant for the caller; each carries its `extensions.code`. */
export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends HubError {
  /** `argument` names the input that was wrong, e.g. `near.lat`. */
  constructor(message: string, argument?: string) {
    super(ErrorCode.BAD_USER_INPUT, message, argument ? { argument } : {});
  }
}

export class NotFoundError extends HubError {
  constructor(what: string, id: string | number) {
    super(ErrorCode.NOT_FOUND, `${what} ${id} does not exist`);
  }
}

export class UnauthenticatedError extends HubError {
  constructor(message = 'this operation needs a credential: an API key or a resident token') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends HubError {
  constructor(message = 'your credential does not allow this operation') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class RateLimitedError extends HubError {
  constructor(retryAfterSeconds: number, message = `too many requests: try again in ${retryAfterSeconds} s`) {
    super(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds });
  }
}

export class DepartmentUnavailableError extends HubError {
  /** `retryAfterSeconds`: a refusal before the request ran (HTTP 503 with Retry-After). */
  constructor(department: string, retryAfterSeconds?: number) {
    const whose = department === HUB_SOURCE ? "the hub's own database" : `the ${department} department's data`;
    super(ErrorCode.DEPARTMENT_UNAVAILABLE, `${whose} cannot be reached right now`, {
      department,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiRole } from '../../../core/auth/api-role';
import type { DepartmentRoute, DepartmentRouteContext } from '../../../core/departments/department-route';
import { ErrorCode } from '../../../core/errors/error-codes';
import { ForbiddenError, HubError, UnauthenticatedError } from '../../../core/errors/hub-errors';
import { ReviewReader } from '../review-reader';
import { readReportRequest, type ReportRequest } from './report-request';
import { rankingCsv } from './review-csv';
import { measureLabel, readReviewReport, reportFileName } from './review-report';
import { writeReviewWorkbook } from './review-workbook';

export const REVIEW_XLSX_PATH = '/reports/review.xlsx';
export const REVIEW_CSV_PATH = '/reports/review.csv';

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.DEPARTMENT_UNAVAILABLE]: 503,
};

function sendError(response: ServerResponse, error: HubError): void {
  const status = STATUS[String(error.extensions.code)] ?? 500;
  const body = JSON.stringify({ error: error.message, code: error.extensions.code, ...(error.extensions.argument ? { argument: error.extensions.argument } : {}) });
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
  });
  response.end(body);
}

function attachment(name: string, ascii: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The review's reports, for SCREEN and ADMIN keys in `Authorization: Bearer` (never in the
 * address, which proxies and histories keep): the workbook, streamed, and the ranking as CSV.
 */
export function reviewRoutes(context: DepartmentRouteContext): DepartmentRoute[] {
  const serve = (send: (request: ReportRequest, reader: ReviewReader, response: ServerResponse) => Promise<void>) => async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    try {
      if (request.method !== 'GET') {
        response.writeHead(405, { allow: 'GET', 'content-type': 'application/json; charset=utf-8' });
        return void response.end(JSON.stringify({ error: 'only GET' }));
      }
      const viewer = await context.identify(request);
      if (viewer.kind === 'anonymous') throw new UnauthenticatedError('a report needs a SCREEN or ADMIN key in Authorization: Bearer');
      if (viewer.kind !== 'client' || (viewer.role !== ApiRole.SCREEN && viewer.role !== ApiRole.ADMIN)) throw new ForbiddenError('a report needs a SCREEN or ADMIN key');
      await send(readReportRequest(url), new ReviewReader(context.services), response);
    } catch (error) {
      if (error instanceof HubError && !response.headersSent) return sendError(response, error);
      throw error;
    }
  };
  return [
    {
      path: REVIEW_XLSX_PATH,
      handle: serve(async (request, reader, response) => {
        const report = await readReviewReport(reader, request);
        response.writeHead(200, {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': attachment(reportFileName(request, 'xlsx'), 'review.xlsx'),
          'cache-control': 'no-store',
        });
        await writeReviewWorkbook(report, response);
      }),
    },
    {
      path: REVIEW_CSV_PATH,
      handle: serve(async (request, reader, response) => {
        const measure = reader.measure(request);
        const body = rankingCsv(await reader.ranking(request), measureLabel(measure));
        response.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          'content-disposition': attachment(reportFileName(request, 'csv'), 'review.csv'),
          'cache-control': 'no-store',
        });
        response.end(body);
      }),
    },
  ];
}

import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../../services/logger.js';

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/** body-parser's failure types, with what a client is told. */
const CLIENT_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'encoding.unsupported': 'The request body encoding is not supported.',
  'charset.unsupported': 'The request body charset is not supported.',
  'request.aborted': 'The request was aborted.',
};

/**
 * The last middleware: every error becomes a JSON answer. Client mistakes keep their 4xx status and a clear
 * message; anything else is a 500 with a correlation id that points to the logged detail, never a stack trace.
 */
export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: HttpError & Error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = error.status ?? error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      res.status(status).json({ error: { code: error.type ?? 'BadRequest', message: CLIENT_ERRORS[error.type ?? ''] ?? (error.expose ? error.message : 'Bad request.') } });
      return;
    }
    const correlationId = randomUUID();
    log.error({ err: error, correlationId, method: req.method, path: req.path }, 'request failed');
    res.status(500).json({ error: { code: 'InternalError', message: 'Something went wrong on our side.', correlationId } });
  };
}

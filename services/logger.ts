import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout. Message texts are never logged above debug level (privacy). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'beijing-assistant' } });
}

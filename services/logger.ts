import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs, on stdout unless told otherwise. Message texts are never logged above debug level (privacy). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: { service: 'beijing-assistant' } }, destination);
}

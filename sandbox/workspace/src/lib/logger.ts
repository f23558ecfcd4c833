// Structured JSON logger: one object per line so CloudWatch Logs Insights discovers the fields.
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export interface Logger {
  debug(message: string, metadata?: Record<string, unknown>): void;
  info(message: string, metadata?: Record<string, unknown>): void;
  warn(message: string, metadata?: Record<string, unknown>): void;
  error(message: string, metadata?: Record<string, unknown>, error?: unknown): void;
}

export function createLogger(component: string): Logger {
  const write = (level: LogLevel, message: string, metadata?: Record<string, unknown>, error?: unknown): void => {
    const entry = { timestamp: new Date().toISOString(), level, component, message, metadata };
    const line = JSON.stringify(entry);
    if (level === 'ERROR') console.error(error instanceof Error ? `${line}\n${error.stack ?? error.message}` : line);
    else if (level === 'WARN') console.warn(line);
    else console.log(line);
  };
  return {
    debug: (message, metadata) => write('DEBUG', message, metadata),
    info: (message, metadata) => write('INFO', message, metadata),
    warn: (message, metadata) => write('WARN', message, metadata),
    error: (message, metadata, error) => write('ERROR', message, metadata, error),
  };
}

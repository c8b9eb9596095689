import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { DynamicModule, LoggerService } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Options } from 'pino-http';

import type { RuntimeConfig } from '../config/config.module';

export interface LoggingOptions {
  /** Which app a line comes from: `api` or `worker`. */
  app: 'api' | 'worker';
  /** Where JSON lines go instead of stdout (tests capture them). */
  stream?: DestinationStream;
}

/** Never written to a log, wherever they appear. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.secret',
  '*.jwtSecret',
  '*.authorization',
  'variables.input.password',
  'variables.input.secret',
];

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A calendar feed URL carries its token (calendar clients send no headers): logged as `/calendar/[redacted].ics`. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/^\/calendar\/[^/?#]+/, '/calendar/[redacted].ics');
}

/** A caller's own X-Request-Id is kept (so a trace crosses services); otherwise one is made. Echoed in the response. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

function baseOptions(config: RuntimeConfig, options: LoggingOptions): LoggerOptions {
  const pretty = config.nodeEnv === 'development' && !options.stream && process.stdout.isTTY;
  return {
    level: config.logLevel,
    base: { app: options.app },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
}

/**
 * The API's logger: structured JSON through pino (pretty on a development terminal), secrets
 * redacted, and every line of a request carrying its id (nestjs-pino keeps it in async context).
 */
export function loggingModule(config: RuntimeConfig, options: LoggingOptions): DynamicModule {
  const pinoOptions: Options = {
    ...(baseOptions(config, options) as Options),
    genReqId: requestId,
    customAttributeKeys: { reqId: 'requestId' },
    // Each line of a request carries its id; the full request is described once, on the line that ends it.
    quietReqLogger: true,
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    // pino-http hands this the standard serializer's output; mutated in place to keep its non-enumerable `raw`.
    serializers: {
      req: (req: { url?: string; params?: unknown }) => {
        const url = redactUrl(req.url);
        if (url !== req.url) {
          req.url = url;
          req.params = {}; // Express's params echo the path, token included.
        }
        return req;
      },
    },
  };
  return LoggerModule.forRoot({
    pinoHttp: options.stream ? [pinoOptions, options.stream] : pinoOptions,
    renameContext: 'context',
  });
}

/**
 * The worker's logger: the same pino settings without HTTP. nestjs-pino keeps one logger per process
 * for lines outside a request, so a worker sharing a process with the API (`npm start`) needs its own.
 */
export class PinoNestLogger implements LoggerService {
  readonly pino: Logger;

  constructor(config: RuntimeConfig, options: LoggingOptions) {
    const settings = baseOptions(config, options);
    this.pino = options.stream ? pino(settings, options.stream) : pino(settings);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes (message, ...params, context); an object message becomes fields, a string after it the text. */
  private write(level: pino.Level, message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const text = typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
      this.pino[level]({ ...fields, ...message }, text);
    } else {
      this.pino[level](fields, String(message));
    }
  }
}

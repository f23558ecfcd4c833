import { LOG_GROUPS, MINUTE_MS } from '../constants';
import { between, pick, seededRandom } from '../random';
import { sortedStreams, type LogEventSpec, type LogGroupSpec } from './types';

// Frames point at sandbox/workspace/payments/src/main/java (by the classes' package paths). Lines in Spring Boot's
// console format (https://docs.spring.io/spring-boot/reference/features/logging.html#features.logging.log-format);
// an exception the dispatcher servlet logs is followed by its stack trace, as Logback prints it.

function line(at: number, level: 'INFO' | 'ERROR', logger: string, message: string): string {
  return `${new Date(at).toISOString()} ${level.padStart(5)} 1 --- [payments] [nio-8080-exec-${1 + (at % 9)}] ${logger.padEnd(40)} : ${message}`;
}

const SERVLET_LOGGER = 'o.a.c.c.C.[.[.[/].[dispatcherServlet]';
const FRAMEWORK_FRAMES = [
  '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103) ~[na:na]',
  '\tat java.base/java.lang.reflect.Method.invoke(Method.java:580) ~[na:na]',
  '\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:257) ~[spring-web-6.2.1.jar!/:6.2.1]',
  '\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089) ~[spring-webmvc-6.2.1.jar!/:6.2.1]',
  '\tat java.base/java.lang.Thread.run(Thread.java:1583) ~[na:na]',
];

/** The servlet's error line and the trace of an exception thrown at ChargeService.java:`throwLine`. */
function chargeFailure(at: number, exception: string, reason: string, throwLine: number): string {
  return [
    line(at, 'ERROR', SERVLET_LOGGER, `Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: ${exception}: ${reason}] with root cause`),
    '',
    `${exception}: ${reason}`,
    `\tat com.acme.payments.ChargeService.charge(ChargeService.java:${throwLine}) ~[!/:0.0.1]`,
    '\tat com.acme.payments.web.ChargeController.create(ChargeController.java:23) ~[!/:0.0.1]',
    ...FRAMEWORK_FRAMES,
  ].join('\n');
}

export function paymentsServiceLogs(now: number): LogGroupSpec {
  const random = seededRandom('payments-service');
  const stream = { name: 'payments/app/9c2e7d41a0b34f58', events: [] as LogEventSpec[] };
  let n = 0;
  for (let t = now - 175 * MINUTE_MS; t < now - MINUTE_MS; t += between(random, 3, 9) * MINUTE_MS, n++) {
    const at = Math.round(t);
    stream.events.push({ timestamp: at, message: line(at, 'INFO', 'c.a.payments.web.ChargeController', `POST /charges customer=cus_${1000 + n}`) });
    if (n % 3 === 1) {
      const reason = pick(random, ['card declined', 'card declined', 'insufficient funds']);
      stream.events.push({ timestamp: at + 180, message: chargeFailure(at + 180, 'com.acme.payments.ChargeService$ChargeDeclinedException', reason, 28) });
    } else if (n % 10 === 5) {
      stream.events.push({ timestamp: at + 15, message: chargeFailure(at + 15, 'java.lang.IllegalArgumentException', 'amount must be positive', 24) });
    }
  }
  return { name: LOG_GROUPS.payments, retentionInDays: 30, streams: sortedStreams([stream]) };
}

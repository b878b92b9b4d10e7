import { appError, type AppError } from '../errors/index.ts';
import type { Lane, RequestExecutor, RequestTicket, SendContext } from './request-executor.ts';

const LANE_ORDER: readonly Lane[] = ['interactive', 'user', 'bulk'];

interface Waiting {
  ticket: RequestTicket<unknown>;
  start: () => void;
  cancel: (reason: AppError) => void;
}

/**
 * At most `concurrency` requests in flight, interactive work first. No limits, no retries: for anonymous
 * checks before a portal has an account (and so a budget) and for tests that need a plain executor.
 */
export class SimpleQueue implements RequestExecutor {
  private inFlight = 0;
  private readonly waiting = new Map<Lane, Waiting[]>(LANE_ORDER.map((lane) => [lane, []]));

  constructor(private readonly concurrency = 6) {}

  get pending(): number {
    let n = 0;
    for (const list of this.waiting.values()) n += list.length;
    return n;
  }

  run<T>(ticket: RequestTicket<T>, send: (context: SendContext) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (ticket.signal?.aborted) {
        reject(cancelled());
        return;
      }
      const entry: Waiting = {
        ticket: ticket as RequestTicket<unknown>,
        start: () => {
          this.inFlight++;
          ticket.signal?.removeEventListener('abort', onAbort);
          const controller = new AbortController();
          const signal = ticket.signal ? AbortSignal.any([ticket.signal, controller.signal]) : controller.signal;
          send({ signal, observe: () => undefined })
            .then(resolve, reject)
            .finally(() => {
              this.inFlight--;
              this.pump();
            });
        },
        cancel: reject,
      };
      const onAbort = (): void => {
        const list = this.waiting.get(ticket.lane) ?? [];
        const index = list.indexOf(entry);
        if (index >= 0) {
          list.splice(index, 1);
          entry.cancel(cancelled());
        }
      };
      ticket.signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.get(ticket.lane)?.push(entry);
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.concurrency) {
      const next = LANE_ORDER.map((lane) => this.waiting.get(lane))
        .find((list) => list && list.length > 0)
        ?.shift();
      if (!next) return;
      next.start();
    }
  }
}

export function cancelled(): AppError {
  return appError('cancelled', {});
}

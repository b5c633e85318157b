import type { Principal } from '@bazaar/platform/auth';
import { AppError, fail, ok, type Result } from '@bazaar/platform/errors';
import type { Order } from '../contract/order.schemas.ts';
import { OrdersErrors } from '../contract/orders.errors.ts';
import { foldOrder } from '../domain/order.state.ts';
import { readOrderEvents } from '../store/order-stream.repository.ts';
import { toOrderView } from './order.view.ts';
import type { OrdersDeps } from './orders.deps.ts';

/**
 * One order, folded from its stream. Another user's order is "not found", exactly like a missing one, so its
 * existence leaks nothing. Admins also see the event history and the checkout saga's steps.
 */
export async function getOrder(deps: OrdersDeps, principal: Principal, orderId: string): Promise<Result<Order, AppError>> {
  const stored = await readOrderEvents(deps.db, orderId);
  const order = foldOrder(stored.map((entry) => entry.event));
  const admin = principal.roles.includes('admin');
  if (!order || (order.userId !== principal.userId && !admin)) return fail(new AppError(OrdersErrors.ORDER_NOT_FOUND));
  const view = toOrderView(order);
  if (!admin) return ok(view);
  const saga = await deps.orchestrator.inspect(orderId);
  return ok({
    ...view,
    events: stored.map((entry) => ({ version: entry.version, type: entry.type, occurredAt: entry.occurredAt.toISOString() })),
    ...(saga && {
      saga: {
        status: saga.status,
        currentStep: saga.currentStep,
        steps: saga.steps.map((step) => ({ stepId: step.stepId, phase: step.phase, status: step.status, attempts: step.attempts })),
      },
    }),
  });
}

import { badInput } from '../errors';
import { WEBHOOK_EVENTS, type WebhookEvent } from './webhook-events';
import { parseWebhookUrl, type WebhookUrl } from './webhook-url';

export const WEBHOOK_SECRET_LENGTH = { min: 8, max: 200 } as const;

export interface WebhookInput {
  url: string;
  events: readonly string[];
  secret: string;
}

export interface ValidWebhookInput {
  url: WebhookUrl;
  /** Each once, in the contract's order. */
  events: WebhookEvent[];
  secret: string;
}

/** `createWebhook`'s input, checked field by field (BAD_USER_INPUT naming `input.<field>`). */
export function parseWebhookInput(input: WebhookInput, prefix = 'input'): ValidWebhookInput {
  const url = parseWebhookUrl(input.url, `${prefix}.url`);
  const unknown = input.events.find((event) => !(WEBHOOK_EVENTS as readonly string[]).includes(event));
  if (unknown !== undefined) throw badInput(`${prefix}.events`, `unknown event "${unknown}"`);
  const events = WEBHOOK_EVENTS.filter((event) => input.events.includes(event));
  if (!events.length) throw badInput(`${prefix}.events`, 'name at least one event');
  const { min, max } = WEBHOOK_SECRET_LENGTH;
  if (input.secret.length < min || input.secret.length > max) {
    throw badInput(`${prefix}.secret`, `must be ${min} to ${max} characters`);
  }
  return { url, events, secret: input.secret };
}

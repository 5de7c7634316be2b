import type { AlertChannel, RoutedAlert } from './alert-routing.js';
import type { DeliveryEffects } from './notify.js';
import type { DeliveryChannels } from './resolve-channels.js';
/**
 * The `send` function routeAlerts needs, posting to Slack and emailing through the resolved channels;
 * a channel that is routed to but not enabled is an error (so the ledger keeps the alert pending).
 * @example await routeAlerts(alerts, { ...options, send: createAlertSender(resolveChannels(config), { week, title: config.title }) })
 */
export declare function createAlertSender(channels: DeliveryChannels, context: {
    week: string;
    title?: string;
}, effects?: DeliveryEffects): (channel: AlertChannel, alerts: RoutedAlert[]) => Promise<void>;

import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { accessService } from './platform/access/access.service.js';
import { auditService } from './platform/audit/audit.service.js';
import { apiTokensService } from './platform/auth/api-tokens.service.js';
import { sessionsService } from './platform/auth/sessions.service.js';
import { usersService } from './platform/auth/users.service.js';
import { notificationsService, type NotificationSender } from './platform/notifications/notifications.service.js';
import { notifySender } from './platform/notifications/notify.sender.js';
import { passwordResetService } from './platform/auth/password-reset.service.js';

/** Every service, built once from config and the database. Routes receive this, never globals. */
export function services(config: Config, database: Database, overrides: { sender?: NotificationSender } = {}) {
  const db = database.db;
  const sender = overrides.sender ?? (config.notify ? notifySender(config.notify.apiKey, config.notify.emailTemplateId) : undefined);
  const users = usersService(config.login);
  const notifications = notificationsService(sender);
  return {
    config,
    database,
    db,
    audit: auditService(),
    access: accessService(),
    users,
    sessions: sessionsService(config.session),
    apiTokens: apiTokensService(),
    notifications,
    passwordResets: passwordResetService({ users, notifications, baseUrl: config.baseUrl, serviceName: config.serviceName }),
  };
}

export type Services = ReturnType<typeof services>;

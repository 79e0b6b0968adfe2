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
import { oidcService } from './platform/auth/oidc.service.js';
import { todayInEngland } from './platform/web/format.js';
import { childrenService } from './features/ehc/children.service.js';
import { ehcService } from './features/ehc/ehc.service.js';
import { indicatorsService } from './features/indicators/indicators.service.js';
import { importJobs } from './features/data-hub/web/import-jobs.js';
import { runEarlyWarning } from './features/early-warning/run.js';

/** Every service, built once from config and the database. Routes receive this, never globals. */
export function services(config: Config, database: Database, overrides: { sender?: NotificationSender; today?: () => string } = {}) {
  const db = database.db;
  const audit = auditService();
  const sender = overrides.sender ?? (config.notify ? notifySender(config.notify.apiKey, config.notify.emailTemplateId) : undefined);
  const users = usersService(config.login);
  const notifications = notificationsService(sender);
  const today = overrides.today ?? todayInEngland;
  const indicators = indicatorsService({ areaCode: config.area.code, comparators: config.areaComparators, today });
  return {
    config,
    database,
    db,
    audit,
    /** Today's date in England, 'YYYY-MM-DD': the statutory clock's "today". */
    today: overrides.today ?? todayInEngland,
    children: childrenService(),
    /** The indicator store: recompute after imports; comparators for benchmarks. */
    indicators,
    ehc: ehcService({ audit }),
    access: accessService(),
    users,
    sessions: sessionsService(config.session),
    apiTokens: apiTokensService(),
    notifications,
    passwordResets: passwordResetService({ users, notifications, baseUrl: config.baseUrl, serviceName: config.serviceName }),
    /** Set when OIDC_ISSUER is: sign-in through the partners' identity provider. */
    oidc: config.oidc ? oidcService(config.oidc, config.baseUrl) : undefined,
    /** Imports started from the upload page, running in the background. */
    importJobs: importJobs({
      // As after the command line's imports: the figures and the flags follow the data.
      afterImport: async () => {
        await indicators.recompute(db);
        await runEarlyWarning(db, { today: today() });
      },
    }),
  };
}

export type Services = ReturnType<typeof services>;

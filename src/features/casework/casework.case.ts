import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { access } from '../../platform/access/access.js';
import { actorOf } from '../../platform/web/access.plugin.js';
import { notFound } from '../../platform/web/errors.js';
import { CASEWORK } from '../ehc/ehc.api.js';
import { EhcNotFoundError } from '../ehc/ehc.errors.js';
import type { EhcCase } from '../ehc/ehc.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Access: casework roles only (access.roles, not access.child). Casework officers and managers
 * see every child in the area, so a per-child rule adds nothing for them, and no case link
 * opens these pages: families, schools and advisers (the designated clinical officer too) have
 * their own views of a case, which leave out internal notes and the officer's actions.
 */
export const CASE_ACCESS = { access: access.roles(...CASEWORK) };

/** The case with its clock, or 404 for an id that is not a request's. */
export async function loadCase(s: Services, id: string): Promise<EhcCase> {
  if (!UUID.test(id)) throw notFound('case');
  try {
    return await s.ehc.getCase(s.db, id, s.today());
  } catch (e) {
    if (e instanceof EhcNotFoundError) throw notFound('case');
    throw e;
  }
}

export async function auditView(s: Services, request: FastifyRequest, c: EhcCase, page: string) {
  await s.audit.record(s.db, {
    actor: actorOf(request),
    action: 'ehc.case.viewed',
    outcome: 'allowed',
    subjectType: 'ehc-request',
    subjectId: c.request.id,
    childId: c.request.child_id,
    requestId: request.id,
    details: { page },
  });
}


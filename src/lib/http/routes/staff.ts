import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Translate } from '../../../i18n';
import {
  authenticate,
  changeStatus,
  downloadFile,
  endOtherSessions,
  exportCsv,
  fromAnotherSite,
  listSessions,
  listTips,
  logIn,
  logOut,
  methodNotAllowed,
  openTip,
  runRetentionRequest,
  sameOriginWithCsrf,
  sessionInfo,
  staffProblem,
  staffTranslations,
  viewAudit,
  type Staff,
  type StaffEnvironment,
} from '../../staff/handleStaffRequest';
import { oneMethod } from './oneMethod';

type StaffRoutes = { Bindings: { staff: StaffEnvironment }; Variables: { t: Translate; staff: Staff } };

const retentionPath = '/api/staff/retention';

/** Every staff answer in the reader's language. */
const translations = createMiddleware<StaffRoutes>(async (c, next) => {
  c.set('t', staffTranslations(c.req.raw));
  await next();
});

/**
 * Every staff path but sign-in needs a credential: none gives 401, a forged or expired one 403.
 * Unknown paths too, so a stranger learns nothing about which exist.
 */
const signedIn = createMiddleware<StaffRoutes>(async (c, next) => {
  const staff = await authenticate(c.req.raw, c.env.staff, c.var.t);
  if (staff instanceof Response) return staff;
  c.set('staff', staff);
  await next();
});

/** An Access service token may run the scheduled retention call and nothing else. */
const serviceTokenLimits = createMiddleware<StaffRoutes>(async (c, next) => {
  if (c.var.staff.via !== 'service') return next();
  if (c.req.path.replace(/\/$/, '') !== retentionPath || c.req.method !== 'POST') return staffProblem(c.var.t, 403, 'service_token', 'staff.api.serviceTokenRetentionOnly');
  if (fromAnotherSite(c.req.raw, new URL(c.req.url))) return staffProblem(c.var.t, 403, 'csrf', 'staff.api.crossSite');
  await next();
});

/** A signed-in state change needs the session's CSRF token and must not come from another site. */
const csrf = createMiddleware<StaffRoutes>(async (c, next) => {
  if (c.req.method === 'POST' && c.var.staff.via !== 'service' && !(await sameOriginWithCsrf(c.req.raw, new URL(c.req.url), c.env.staff, c.var.staff))) {
    return staffProblem(c.var.t, 403, 'csrf', 'staff.api.csrf');
  }
  await next();
});

/**
 * Staff review: sign in, list and open tips (still sealed: they are opened in the staff member's
 * browser), download sealed files, change a status, export the triage fields, read the audit log,
 * run retention. A trailing slash names the same route (strict: false).
 */
export const staffRoutes = new Hono<StaffRoutes>({ strict: false });
const url = (request: Request) => new URL(request.url);
staffRoutes.use(translations);
oneMethod(staffRoutes, 'POST', '/api/staff/login', (c) => logIn(c.req.raw, c.env.staff, c.var.t), methodNotAllowed);
staffRoutes.all('/api/staff', (c) => staffProblem(c.var.t, 404, 'not_found', 'staff.api.notFound'));
staffRoutes.use('/api/staff/*', signedIn, serviceTokenLimits, csrf);
oneMethod(staffRoutes, 'GET', '/api/staff/session', (c) => sessionInfo(c.env.staff, c.var.staff), methodNotAllowed);
oneMethod(staffRoutes, 'POST', '/api/staff/logout', (c) => logOut(url(c.req.raw), c.env.staff, c.var.staff), methodNotAllowed);
oneMethod(staffRoutes, 'GET', '/api/staff/sessions', (c) => listSessions(c.env.staff, c.var.staff), methodNotAllowed);
oneMethod(staffRoutes, 'POST', '/api/staff/sessions/end-others', (c) => endOtherSessions(c.env.staff, c.var.staff), methodNotAllowed);
oneMethod(staffRoutes, 'GET', '/api/staff/tips', (c) => listTips(url(c.req.raw), c.env.staff, c.var.t), methodNotAllowed);
oneMethod(staffRoutes, 'GET', '/api/staff/tips/:id', (c) => openTip(c.req.param('id'), c.env.staff, c.var.staff, c.var.t), methodNotAllowed);
oneMethod(staffRoutes, 'POST', '/api/staff/tips/:id/status', (c) => changeStatus(c.req.raw, c.req.param('id'), c.env.staff, c.var.staff, c.var.t), methodNotAllowed);
oneMethod(
  staffRoutes,
  'GET',
  '/api/staff/tips/:id/files/:position',
  (c) => downloadFile(c.req.param('id'), c.req.param('position'), c.env.staff, c.var.staff, c.var.t),
  methodNotAllowed,
);
oneMethod(staffRoutes, 'GET', '/api/staff/export.csv', (c) => exportCsv(url(c.req.raw), c.env.staff, c.var.staff, c.var.t), methodNotAllowed);
oneMethod(staffRoutes, 'GET', '/api/staff/audit', (c) => viewAudit(url(c.req.raw), c.env.staff, c.var.staff, c.var.t), methodNotAllowed);
oneMethod(staffRoutes, 'POST', retentionPath, (c) => runRetentionRequest(c.env.staff, c.var.staff), methodNotAllowed);
staffRoutes.notFound((c) => staffProblem(c.var.t ?? staffTranslations(c.req.raw), 404, 'not_found', 'staff.api.notFound'));
staffRoutes.onError((error, c) => {
  console.error('staff service failed', error instanceof Error ? error.message : error);
  return staffProblem(staffTranslations(c.req.raw), 503, 'unavailable', 'staff.api.unavailable');
});

/** One staff request on Web-standard Request/Response, for the site app and for tests. */
export const handleStaffRequest = (request: Request, staff: StaffEnvironment): Promise<Response> => Promise.resolve(staffRoutes.fetch(request, { staff }));

import { isAllowed, type MemberRole } from '../../domain/auth/permissions.ts';

/** What the navigation and the pages offer, from the permission table the server checks on every request. */
export function permissionsOf(me: MemberRole) {
  return {
    admin: isAllowed('organisation.administer', me),
    auditTrail: isAllowed('audit.read', me),
    auditAnchor: isAllowed('audit.anchor', me),
    outbox: isAllowed('organisation.administer', me),
    /** Running and storing the Betroffenheitscheck. */
    runChecks: isAllowed('applicability.record', me),
    /** Status, owner, due date and evidence of requirements. */
    editRequirements: isAllowed('requirements.edit', me),
    reportIncidents: isAllowed('incidents.report', me),
    handleIncidents: isAllowed('incidents.handle', me),
    editRegistration: isAllowed('registration.edit', me),
    /** Assets, suppliers and risks. */
    editRegisters: isAllowed('registers.edit', me),
    /** Accepting a risk above the acceptance line: management only (§ 38 Abs. 1 BSIG). */
    acceptRisks: isAllowed('risks.accept', me),
    /** People, their accounts and checklists, and management's training records. */
    editPeople: isAllowed('people.edit', me),
    /** Courses, sessions and attendance of awareness training. */
    editTraining: isAllowed('training.edit', me),
    /** A managing director's own approval of the measures (§ 38 Abs. 1 BSIG). */
    approveMeasures: isAllowed('management.approve', me),
    /** Taking over the proposed 8-week plan as tasks. */
    editPlan: isAllowed('plan.edit', me),
    /** The organisation's calendar feed with every date: management or an administrator. */
    organisationFeed: isAllowed('calendar.organisation', me),
    /** Create, change and delete tasks and the recurring templates. */
    editTasks: isAllowed('tasks.edit', me),
    /** Comment on tasks, complete and reopen them (staff: only their own; the server checks). */
    workOnTasks: isAllowed('tasks.work', me),
    /** Word the prose documents and issue versions. */
    editDocuments: isAllowed('documents.edit', me),
    /** Approve a document version (management only, § 38 Abs. 1 BSIG). */
    approveDocuments: isAllowed('documents.approve', me),
    /** The phishing simulation's campaigns and aggregate reports (management, administrators, auditor, DPO). */
    phishing: isAllowed('phishing.report', me),
  };
}

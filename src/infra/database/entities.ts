import { ApplicantProfile } from '../../modules/accounts/applicant-profile.entity';
import { RoleAssignment } from '../../modules/accounts/role-assignment.entity';
import { User } from '../../modules/accounts/user.entity';
import { Agency } from '../../modules/agencies/agency.entity';
import { AgencyEvent } from '../../modules/agencies/agency-event.entity';
import { AuditLog } from '../../modules/audit/audit-log.entity';
import { AuthSession } from '../../modules/auth/session.entity';
import { OneTimeToken } from '../../modules/accounts/one-time-token.entity';
import { MailOutbox } from '../../modules/notifications/mail-outbox.entity';

/** Every entity, listed as classes so ts-node, jest and dist/ behave alike. */
export const ENTITIES = [
  Agency,
  AgencyEvent,
  User,
  ApplicantProfile,
  RoleAssignment,
  AuthSession,
  OneTimeToken,
  AuditLog,
  MailOutbox,
];

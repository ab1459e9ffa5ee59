import { MailOutbox } from '../../modules/notifications/mail-outbox.entity';

/** Every entity, listed as classes so ts-node, jest and dist/ behave alike. */
export const ENTITIES = [MailOutbox];

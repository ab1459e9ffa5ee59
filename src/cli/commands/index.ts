import type { Command } from 'commander';
import { register as registerAgencies } from './agencies.command';
import { register as registerCalendar } from './calendar.command';
import { register as registerDb } from './db.command';
import { register as registerDeadline } from './deadline.command';
import { register as registerFee } from './fee.command';
import { register as registerImport } from './import.command';
import { register as registerMail } from './mail.command';
import { register as registerPeriod } from './period.command';
import { register as registerRemedies } from './remedies.command';
import { register as registerReport } from './report.command';
import { register as registerSeedDemo } from './seed-demo.command';
import { register as registerUsers } from './users.command';

/**
 * Every command group of the CLI registers itself here. The pure commands (deadline, period, fee)
 * import no Nest/TypeORM code; commands that need the database should import it lazily inside
 * their action so that `govinfo deadline --jsonl` stays fast.
 */
export function registerCommands(program: Command): void {
  registerDeadline(program);
  registerPeriod(program);
  registerFee(program);
  registerDb(program);
  registerMail(program);
  registerAgencies(program);
  registerUsers(program);
  registerSeedDemo(program);
  registerCalendar(program);
  registerRemedies(program);
  registerReport(program);
  registerImport(program);
}
